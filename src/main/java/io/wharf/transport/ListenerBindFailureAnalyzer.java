package io.wharf.transport;

import org.springframework.boot.diagnostics.AbstractFailureAnalyzer;
import org.springframework.boot.diagnostics.FailureAnalysis;

/**
 * Explains a listener that could not bind, the way Spring Boot explains "Port 8080 was
 * already in use": which listener, protocol and port, and what to change.
 */
class ListenerBindFailureAnalyzer extends AbstractFailureAnalyzer<ListenerBindException> {

	@Override
	protected FailureAnalysis analyze(Throwable rootFailure, ListenerBindException cause) {
		String property = "wharf.listeners." + cause.getListener();
		String where = cause.getProtocol() + " port " + cause.getPort() + " on "
				+ ListenerBindException.describe(cause.getBindAddress());
		if (cause.isPortInUse()) {
			return new FailureAnalysis(
					"Listener '" + cause.getListener() + "' could not start: " + where + " was already in use.",
					"Stop the process using " + where + " (find it with: ss -lnp" + ssProtocol(cause) + " 'sport = :"
							+ cause.getPort() + "'), or move the listener with --" + property
							+ ".port=<free port> (0 picks a free one), or turn it off with --" + property
							+ ".enabled=false.",
					cause);
		}
		return new FailureAnalysis(
				"Listener '" + cause.getListener() + "' could not bind " + where + ": " + cause.getCause().getMessage(),
				"Check " + property + ".bind-address (an address of this host, or unset for all interfaces) and "
						+ property + ".port (ports below 1024 need privileges).",
				cause);
	}

	private static String ssProtocol(ListenerBindException cause) {
		return (cause.getProtocol() == Protocol.TCP) ? "t" : "u";
	}

}
