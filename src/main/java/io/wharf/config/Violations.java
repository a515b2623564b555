package io.wharf.config;

import jakarta.validation.ConstraintValidatorContext;
import org.jspecify.annotations.Nullable;

/**
 * Collects constraint violations that each name their own property and say the rule.
 */
final class Violations {

	private final ConstraintValidatorContext context;

	private boolean any;

	Violations(ConstraintValidatorContext context) {
		this.context = context;
		context.disableDefaultConstraintViolation();
	}

	void add(String property, @Nullable String rule) {
		this.any = true;
		// Braces and dollars would be read as message expressions.
		String text = String.valueOf(rule).replace("{", "(").replace("}", ")").replace("$", "");
		this.context.buildConstraintViolationWithTemplate(text).addPropertyNode(property).addConstraintViolation();
	}

	boolean none() {
		return !this.any;
	}

}
