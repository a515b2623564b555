package io.wharf.failure;

import java.util.ArrayList;
import java.util.List;
import java.util.TreeSet;

import org.springframework.boot.diagnostics.AbstractFailureAnalyzer;
import org.springframework.boot.diagnostics.FailureAnalysis;

/**
 * Explains listeners that name a service that does not exist, listing those that do.
 */
class UnknownServiceFailureAnalyzer extends AbstractFailureAnalyzer<UnknownServiceException> {

	@Override
	protected FailureAnalysis analyze(Throwable rootFailure, UnknownServiceException cause) {
		List<String> lines = new ArrayList<>();
		cause.unknown()
			.forEach((listener, service) -> lines.add("Listener '" + listener + "' names service '" + service
					+ "' (wharf.listeners." + listener + ".service), which does not exist."));
		lines.add("The services are: " + String.join(", ", new TreeSet<>(cause.services())) + ".");
		return new FailureAnalysis(String.join(System.lineSeparator(), lines),
				"Name one of those services, or add a Spring bean of that name implementing "
						+ "io.wharf.api.SocketService (or a Spring Integration flow from the channel "
						+ "'<service>.requests'); see docs/services.md.",
				cause);
	}

}
