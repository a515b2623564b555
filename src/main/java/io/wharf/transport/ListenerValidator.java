package io.wharf.transport;

import jakarta.validation.ConstraintValidator;
import jakarta.validation.ConstraintValidatorContext;

/**
 * Validates {@link ListenerProperties}: the framing's own rules, and no framing on UDP,
 * where every datagram is one message.
 */
class ListenerValidator implements ConstraintValidator<ValidListener, ListenerProperties> {

	@Override
	public boolean isValid(ListenerProperties listener, ConstraintValidatorContext context) {
		Violations violations = new Violations(context);
		if (listener.protocol() == Protocol.UDP && listener.framingConfigured()) {
			violations.add("framing", "must not be set on a udp listener: every datagram is one message");
		}
		listener.framing().problems().forEach((property, rule) -> violations.add("framing." + property, rule));
		return violations.none();
	}

}
