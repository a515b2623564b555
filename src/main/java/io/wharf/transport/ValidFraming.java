package io.wharf.transport;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

import jakarta.validation.Constraint;
import jakarta.validation.Payload;

/**
 * Checks the framing settings that depend on each other.
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@Constraint(validatedBy = FramingValidator.class)
@interface ValidFraming {

	String message() default "invalid framing";

	Class<?>[] groups() default {};

	Class<? extends Payload>[] payload() default {};

}
