package io.wharf.observe.tracing;

import io.micrometer.common.KeyValues;
import io.micrometer.observation.Observation;
import io.micrometer.observation.ObservationConvention;

/**
 * The span of one message a service handles: {@code <kind> <listener>}
 * ({@code frame echo}, {@code opened greeting}), with the listener, service, protocol and
 * kind, and the session, client and size as its other attributes. An application changes
 * them with a {@code GlobalObservationConvention<MessageObservationContext>} of its own.
 */
public class DefaultMessageObservationConvention implements ObservationConvention<MessageObservationContext> {

	/** The observation's name, and the name of the timer an observation handler keeps. */
	public static final String NAME = "wharf.message";

	@Override
	public String getName() {
		return NAME;
	}

	@Override
	public String getContextualName(MessageObservationContext context) {
		return context.spanName();
	}

	@Override
	public KeyValues getLowCardinalityKeyValues(MessageObservationContext context) {
		return context.kindKeyValues();
	}

	@Override
	public KeyValues getHighCardinalityKeyValues(MessageObservationContext context) {
		return context.peerKeyValues().and("wharf.message.bytes", String.valueOf(context.bytes()));
	}

	@Override
	public boolean supportsContext(Observation.Context context) {
		return context instanceof MessageObservationContext;
	}

}
