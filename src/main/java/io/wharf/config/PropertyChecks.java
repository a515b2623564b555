package io.wharf.config;

import java.time.Duration;
import java.util.regex.Pattern;

import org.jspecify.annotations.Nullable;

import org.springframework.validation.Errors;

/**
 * The checks of Wharf's settings, each rejecting one property with a rule a person can
 * act on ("must be between 0 and 65535", "must be set: tcp or udp"). Spring Boot reports
 * the property, the value and where it was set (the file and line) before the application
 * starts. Wharf's properties validate themselves through these, without Bean Validation,
 * so that an application that depends on Wharf gets no validator it did not ask for.
 */
public final class PropertyChecks {

	private final Errors errors;

	private final String prefix;

	/**
	 * Checks that report to Spring Boot's binding errors.
	 * @param errors the errors of the properties being bound
	 */
	public PropertyChecks(Errors errors) {
		this(errors, "");
	}

	private PropertyChecks(Errors errors, String prefix) {
		this.errors = errors;
		this.prefix = prefix;
	}

	/**
	 * Checks of a nested group of properties, such as one listener's.
	 * @param path the group's path, such as {@code listeners[echo]}
	 * @return checks whose properties are relative to it
	 */
	public PropertyChecks nested(String path) {
		return new PropertyChecks(this.errors, this.prefix + path + ".");
	}

	/**
	 * Rejects a property.
	 * @param property its path, such as {@code port} or {@code framing.header-size}
	 * @param rule what it must be
	 */
	public void reject(String property, String rule) {
		this.errors.rejectValue(this.prefix + property, "invalid", rule);
	}

	/**
	 * Rejects the settings as a whole, for a rule about several of them; the rule names
	 * the properties concerned.
	 * @param rule what is wrong
	 */
	public void rejectAll(String rule) {
		this.errors.reject("invalid", rule);
	}

	/**
	 * Whether any check failed so far.
	 * @return true when a property was rejected
	 */
	public boolean failed() {
		return this.errors.hasErrors();
	}

	/**
	 * A property that must be set.
	 * @param property its path
	 * @param value its value
	 * @param rule what to set it to
	 * @return true when it is set (not null, not blank)
	 */
	public boolean required(String property, @Nullable Object value, String rule) {
		if (value == null || (value instanceof String text && text.isBlank())) {
			reject(property, "must be set: " + rule);
			return false;
		}
		return true;
	}

	/**
	 * A number with a lower bound.
	 * @param property its path
	 * @param value its value, or null when unset (which passes)
	 * @param min the least it may be
	 */
	public void atLeast(String property, @Nullable Number value, long min) {
		if (value != null && value.doubleValue() < min) {
			reject(property, "must be at least " + min);
		}
	}

	/**
	 * A number within bounds.
	 * @param property its path
	 * @param value its value, or null when unset (which passes)
	 * @param min the least it may be
	 * @param max the most it may be
	 */
	public void between(String property, @Nullable Number value, long min, long max) {
		if (value != null && (value.doubleValue() < min || value.doubleValue() > max)) {
			reject(property, "must be between " + min + " and " + max);
		}
	}

	/**
	 * A duration with a lower bound.
	 * @param property its path
	 * @param value its value
	 * @param min the shortest it may be; zero for "not negative"
	 */
	public void atLeast(String property, Duration value, Duration min) {
		if (value.compareTo(min) < 0) {
			reject(property, min.isZero() ? "must not be negative (0 turns it off)" : "must be at least " + text(min));
		}
	}

	/**
	 * Text that must match a pattern.
	 * @param property its path
	 * @param value its value, or null when unset (which passes)
	 * @param pattern the pattern
	 * @param rule what it must be
	 */
	public void matches(String property, @Nullable String value, Pattern pattern, String rule) {
		if (value != null && !pattern.matcher(value).matches()) {
			reject(property, rule);
		}
	}

	private static String text(Duration duration) {
		if (duration.toMillis() % 1000 == 0) {
			return duration.toSeconds() + "s";
		}
		return duration.toMillis() + "ms";
	}

}
