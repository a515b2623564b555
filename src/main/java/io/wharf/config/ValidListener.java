package io.wharf.config;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

import jakarta.validation.Constraint;
import jakarta.validation.Payload;

/**
 * Checks the settings of one listener that depend on each other: its framing, and that
 * framing is set only where it means something.
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@Constraint(validatedBy = ListenerValidator.class)
@interface ValidListener {

	String message() default "invalid listener";

	Class<?>[] groups() default {};

	Class<? extends Payload>[] payload() default {};

}
