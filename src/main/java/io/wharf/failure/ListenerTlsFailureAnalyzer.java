package io.wharf.failure;

import org.springframework.boot.diagnostics.AbstractFailureAnalyzer;
import org.springframework.boot.diagnostics.FailureAnalysis;

/**
 * Explains a TLS listener whose SSL bundle cannot be used, naming the listener, the
 * bundle and the property to fix.
 */
class ListenerTlsFailureAnalyzer extends AbstractFailureAnalyzer<ListenerTlsException> {

	@Override
	protected FailureAnalysis analyze(Throwable rootFailure, ListenerTlsException cause) {
		return new FailureAnalysis(cause.getMessage(), cause.action(), cause);
	}

}
