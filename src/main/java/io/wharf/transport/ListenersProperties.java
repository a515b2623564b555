package io.wharf.transport;

import java.time.Duration;
import java.util.Map;

import jakarta.validation.Valid;
import org.hibernate.validator.constraints.time.DurationMin;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * The listeners Wharf starts, by name.
 *
 * @param listeners each listener under {@code wharf.listeners.<name>}
 * @param drainTimeout at shutdown, how long open TCP sessions may go on after the
 * listeners stop accepting (readiness is DOWN meanwhile); the rest are then closed
 */
@ConfigurationProperties("wharf")
@Validated
@DistinctListeners
public record ListenersProperties(@DefaultValue Map<String, @Valid ListenerProperties> listeners,
		@DefaultValue("10s") @DurationMin(millis = 0) Duration drainTimeout) {

	/**
	 * The listeners that are enabled.
	 * @return name to listener, in configuration order
	 */
	public Map<String, ListenerProperties> enabled() {
		Map<String, ListenerProperties> enabled = new java.util.LinkedHashMap<>();
		this.listeners.forEach((name, listener) -> {
			if (listener.enabled()) {
				enabled.put(name, listener);
			}
		});
		return enabled;
	}

}
