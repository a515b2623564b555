package io.wharf.failure;

import java.util.ArrayList;
import java.util.List;

import io.wharf.config.Protocol;

import org.springframework.boot.diagnostics.AbstractFailureAnalyzer;
import org.springframework.boot.diagnostics.FailureAnalysis;

/**
 * Explains listeners that could not bind, the way Spring Boot explains "Port 8080 was
 * already in use": for every one, which listener, protocol and port, and what to change.
 */
class ListenerBindFailureAnalyzer extends AbstractFailureAnalyzer<ListenerBindFailures> {

	@Override
	protected FailureAnalysis analyze(Throwable rootFailure, ListenerBindFailures cause) {
		List<String> descriptions = new ArrayList<>();
		List<String> actions = new ArrayList<>();
		for (ListenerBindException failure : cause.failures()) {
			String property = "wharf.listeners." + failure.getListener();
			String where = failure.getProtocol() + " port " + failure.getPort() + " on "
					+ ListenerBindException.describe(failure.getBindAddress());
			if (failure.isPortInUse()) {
				descriptions
					.add("Listener '" + failure.getListener() + "' could not start: " + where + " was already in use.");
				actions.add("Stop the process using " + where + " (find it with: ss -lnp" + ssProtocol(failure)
						+ " 'sport = :" + failure.getPort() + "'), or move the listener with --" + property
						+ ".port=<free port> (0 picks a free one), or turn it off with --" + property
						+ ".enabled=false.");
			}
			else {
				descriptions.add("Listener '" + failure.getListener() + "' could not bind " + where + ": "
						+ failure.getCause().getMessage());
				actions.add("Check " + property + ".bind-address (an address of this host, or unset for all "
						+ "interfaces) and " + property + ".port (ports below 1024 need privileges).");
			}
		}
		return new FailureAnalysis(String.join(System.lineSeparator(), descriptions),
				String.join(System.lineSeparator(), actions), cause);
	}

	private static String ssProtocol(ListenerBindException cause) {
		return (cause.getProtocol() == Protocol.TCP) ? "t" : "u";
	}

}
