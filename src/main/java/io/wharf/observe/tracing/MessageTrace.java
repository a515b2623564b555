package io.wharf.observe.tracing;

import io.micrometer.observation.Observation;

/**
 * One message's observation, started and in scope while the service handles the message:
 * closing it closes the scope and stops the observation, in that order.
 */
public final class MessageTrace implements AutoCloseable {

	private final Observation observation;

	private final Observation.Scope scope;

	MessageTrace(Observation observation) {
		this.observation = observation;
		this.scope = observation.openScope();
	}

	@Override
	public void close() {
		this.scope.close();
		this.observation.stop();
	}

}
