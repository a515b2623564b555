package io.wharf.transport;

import jakarta.validation.ConstraintValidator;
import jakarta.validation.ConstraintValidatorContext;

/**
 * Validates {@link FramingProperties}: header size, delimiters and the frame size limit.
 */
class FramingValidator implements ConstraintValidator<ValidFraming, FramingProperties> {

	@Override
	public boolean isValid(FramingProperties framing, ConstraintValidatorContext context) {
		Violations violations = new Violations(context);
		if (framing.headerSize() != 1 && framing.headerSize() != 2 && framing.headerSize() != 4) {
			violations.add("header-size", "must be 1, 2 or 4 (bytes of the length header)");
		}
		long maxFrame = framing.maxFrameSize().toBytes();
		if (maxFrame < 1 || maxFrame > FramingProperties.LARGEST_FRAME.toBytes()) {
			violations.add("max-frame-size", "must be between 1B and " + FramingProperties.LARGEST_FRAME);
		}
		checkDelimiter(framing, violations);
		return violations.none();
	}

	private void checkDelimiter(FramingProperties framing, Violations violations) {
		try {
			if (framing.type() == FramingType.DELIMITER && framing.delimiterBytes().length == 0) {
				violations.add("delimiter", "must be set for delimiter framing, e.g. '\\x03' or '\\0'");
			}
		}
		catch (IllegalArgumentException ex) {
			violations.add("delimiter", ex.getMessage());
		}
		try {
			framing.startDelimiterBytes();
		}
		catch (IllegalArgumentException ex) {
			violations.add("start-delimiter", ex.getMessage());
		}
	}

}
