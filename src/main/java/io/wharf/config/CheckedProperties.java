package io.wharf.config;

import org.springframework.validation.Errors;
import org.springframework.validation.Validator;

/**
 * Settings that check themselves as Spring Boot binds them: a bound
 * {@code @ConfigurationProperties} object that is a {@link Validator} validates itself,
 * and Spring Boot reports each rejected property with its value and where it was set.
 */
public interface CheckedProperties extends Validator {

	@Override
	default boolean supports(Class<?> type) {
		return getClass().isAssignableFrom(type);
	}

	@Override
	default void validate(Object target, Errors errors) {
		((CheckedProperties) target).check(new PropertyChecks(errors));
	}

	/**
	 * Checks these settings, alone and together.
	 * @param checks where each rejection goes
	 */
	void check(PropertyChecks checks);

}
