package io.wharf.failure;

import java.util.ArrayList;
import java.util.List;
import java.util.TreeMap;
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
		new TreeMap<>(cause.problems()).values().forEach(lines::add);
		lines.add(cause.services().isEmpty() ? "There are no services: no bean implements io.wharf.api.SocketService."
				: "The services are: " + String.join(", ", new TreeSet<>(cause.services())) + ".");
		return new FailureAnalysis(String.join(System.lineSeparator(), lines),
				"Name one of those services (the built-in greeting and echo exist as soon as a listener "
						+ "names them), or add a Spring bean of that name implementing io.wharf.api.SocketService "
						+ "with the methods its listeners' protocol needs (or a Spring Integration flow from the "
						+ "channel '<service>.requests'); see docs/services.md.",
				cause);
	}

}
