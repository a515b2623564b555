package io.wharf.config;

import java.util.HashMap;
import java.util.Map;
import java.util.regex.Pattern;

import jakarta.validation.ConstraintValidator;
import jakarta.validation.ConstraintValidatorContext;

/**
 * Validates {@link ListenersProperties}: usable names, and one listener per protocol and
 * port.
 */
class DistinctListenersValidator implements ConstraintValidator<DistinctListeners, ListenersProperties> {

	private static final Pattern NAME = Pattern.compile("[A-Za-z0-9][A-Za-z0-9_-]*");

	@Override
	public boolean isValid(ListenersProperties properties, ConstraintValidatorContext context) {
		Violations violations = new Violations(context);
		Map<String, String> claimed = new HashMap<>();
		properties.enabled().forEach((name, listener) -> {
			if (!NAME.matcher(name).matches()) {
				violations.add("listeners", "name '" + name
						+ "' must start with a letter or digit and contain only letters, digits, '-' and '_'");
			}
			if (listener.protocol() == null || listener.port() == null || listener.port() == 0) {
				return;
			}
			String key = listener.protocol().label() + " port " + listener.port();
			String other = claimed.putIfAbsent(key, name);
			if (other != null) {
				violations.add("listeners", "listeners '" + other + "' and '" + name + "' both use " + key
						+ "; give one another port or set its enabled: false");
			}
		});
		return violations.none();
	}

}
