package io.wharf.transport;

import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;

import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.HealthIndicator;
import org.springframework.stereotype.Component;

/**
 * The {@code listeners} health component: one entry per configured listener with its
 * protocol, port and state; UP only while every enabled listener is bound. Part of the
 * readiness group, so an instance takes traffic only once all its ports are open, and
 * stops taking it when they close.
 */
@Component
class ListenersHealthIndicator implements HealthIndicator {

	private final ListenersProperties properties;

	private final Listeners listeners;

	ListenersHealthIndicator(ListenersProperties properties, Listeners listeners) {
		this.properties = properties;
		this.listeners = listeners;
	}

	@Override
	public Health health() {
		Map<String, BoundListener> bound = this.listeners.bound();
		boolean allBound = this.listeners.isRunning();
		Map<String, Object> details = new LinkedHashMap<>();
		for (Map.Entry<String, ListenerProperties> entry : this.properties.enabled().entrySet()) {
			ListenerProperties listener = entry.getValue();
			BoundListener running = bound.get(entry.getKey());
			allBound &= running != null;
			Map<String, Object> detail = new LinkedHashMap<>();
			detail.put("protocol", listener.requiredProtocol().label());
			detail.put("port", (running != null) ? running.localPort() : listener.requiredPort());
			detail.put("service", listener.requiredService().name().toLowerCase(Locale.ROOT));
			detail.put("state", (running != null) ? "bound" : "not bound");
			details.put(entry.getKey(), detail);
		}
		return (allBound ? Health.up() : Health.down()).withDetails(details).build();
	}

}
