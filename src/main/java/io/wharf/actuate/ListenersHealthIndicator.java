package io.wharf.actuate;

import java.util.LinkedHashMap;
import java.util.Map;

import io.wharf.config.ListenerProperties;
import io.wharf.transport.BoundListener;
import io.wharf.transport.Listeners;

import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.HealthIndicator;

/**
 * The {@code listeners} health component: one entry per configured listener with its
 * protocol, port and state; UP only while every enabled listener is bound. Part of the
 * readiness group, so an instance takes traffic only once all its ports are open, and
 * stops taking it when they close.
 */
class ListenersHealthIndicator implements HealthIndicator {

	private final Listeners listeners;

	ListenersHealthIndicator(Listeners listeners) {
		this.listeners = listeners;
	}

	@Override
	public Health health() {
		Map<String, BoundListener> bound = this.listeners.bound();
		boolean allBound = this.listeners.isRunning();
		Map<String, Object> details = new LinkedHashMap<>();
		for (Map.Entry<String, ListenerProperties> entry : this.listeners.configured().enabled().entrySet()) {
			allBound &= bound.containsKey(entry.getKey());
			details.put(entry.getKey(), this.listeners.describe(entry.getKey(), entry.getValue()));
		}
		return (allBound ? Health.up() : Health.down()).withDetails(details).build();
	}

}
