package io.wharf.config;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

import jakarta.validation.Constraint;
import jakarta.validation.Payload;

/**
 * Checks listener names and that no two enabled listeners claim the same protocol and
 * port.
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@Constraint(validatedBy = DistinctListenersValidator.class)
@interface DistinctListeners {

	String message() default "listeners clash";

	Class<?>[] groups() default {};

	Class<? extends Payload>[] payload() default {};

}
