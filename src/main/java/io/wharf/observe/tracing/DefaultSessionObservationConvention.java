package io.wharf.observe.tracing;

import io.micrometer.common.KeyValues;
import io.micrometer.observation.Observation;
import io.micrometer.observation.ObservationConvention;

/**
 * A session's span: {@code session <listener>}, with the listener, service and protocol,
 * and once it closed the close reason; its id, client and what went each way as the
 * span's other attributes. An application changes them with a
 * {@code GlobalObservationConvention<SessionObservationContext>} of its own.
 */
public class DefaultSessionObservationConvention implements ObservationConvention<SessionObservationContext> {

	/** The observation's name, and the name of the timer an observation handler keeps. */
	public static final String NAME = "wharf.session";

	@Override
	public String getName() {
		return NAME;
	}

	@Override
	public String getContextualName(SessionObservationContext context) {
		return "session " + context.listener();
	}

	@Override
	public KeyValues getLowCardinalityKeyValues(SessionObservationContext context) {
		KeyValues values = context.listenerKeyValues();
		String reason = context.closeReason();
		return (reason != null) ? values.and("wharf.close.reason", reason) : values;
	}

	@Override
	public KeyValues getHighCardinalityKeyValues(SessionObservationContext context) {
		KeyValues values = context.peerKeyValues();
		if (context.closeReason() == null) {
			return values;
		}
		long[] counts = context.counts();
		return values.and("wharf.received.messages", String.valueOf(counts[0]), "wharf.received.bytes",
				String.valueOf(counts[1]), "wharf.sent.messages", String.valueOf(counts[2]), "wharf.sent.bytes",
				String.valueOf(counts[3]));
	}

	@Override
	public boolean supportsContext(Observation.Context context) {
		return context instanceof SessionObservationContext;
	}

}
