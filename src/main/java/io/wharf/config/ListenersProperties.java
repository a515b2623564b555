package io.wharf.config;

import java.time.Duration;
import java.util.Map;

import org.jspecify.annotations.Nullable;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.NestedConfigurationProperty;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * The listeners Wharf starts, by name.
 *
 * @param listeners Each listener, under wharf.listeners.<name>.
 * @param maxConnections TCP connections across all listeners at most; by default the
 * process's file-descriptor limit less a tenth (at least 128), so that a flood cannot
 * starve Actuator and the health probes of descriptors.
 * @param drainTimeout At shutdown, how long open TCP sessions may go on after the
 * listeners stop accepting (readiness is DOWN meanwhile); the rest are then closed.
 * @param listenerDefaults Settings every listener gets unless it sets its own, such as
 * idle-timeout or max-connections set once for all.
 */
@ConfigurationProperties("wharf")
public record ListenersProperties(@DefaultValue Map<String, ListenerProperties> listeners,
		@Nullable Integer maxConnections, @DefaultValue("10s") Duration drainTimeout,
		@NestedConfigurationProperty @Nullable ListenerDefaultsProperties listenerDefaults)
		implements
			CheckedProperties {

	/** Checks every listener before the application starts. */
	@Override
	public void check(PropertyChecks checks) {
		ListenersValidation.check(this, checks);
	}

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
