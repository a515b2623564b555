package io.wharf.observe;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Metrics;

import org.springframework.beans.factory.ObjectProvider;

/**
 * Where Wharf's meters go: the application's {@link MeterRegistry} (Actuator's, which
 * Prometheus scrapes), or, in an application without one, Micrometer's global registry,
 * which costs next to nothing until a registry is added to it.
 */
public final class Meters {

	private Meters() {
	}

	/**
	 * The registry for Wharf's meters.
	 * @param registries the application's registries
	 * @return its registry, or Micrometer's global one
	 */
	public static MeterRegistry registry(ObjectProvider<MeterRegistry> registries) {
		return registries.getIfUnique(() -> Metrics.globalRegistry);
	}

}
