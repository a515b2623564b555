package io.wharf.observe.tracing;

import java.util.List;

import io.micrometer.observation.GlobalObservationConvention;
import io.micrometer.observation.ObservationFilter;
import io.micrometer.observation.ObservationHandler;
import io.micrometer.observation.ObservationHandler.FirstMatchingCompositeObservationHandler;
import io.micrometer.observation.ObservationPredicate;
import io.micrometer.observation.ObservationRegistry;

/**
 * Where Wharf's observations go when {@code wharf.tracing.enabled}. With Micrometer
 * Tracing, a registry of Wharf's own that hands them to the application's tracing
 * handlers alone, with its conventions, predicates and filters: the application's meter
 * handler would time every message again, beside Wharf's own meters, at several times the
 * cost of its span. A service's own observations still become the message's children,
 * since the current observation is one per thread whatever the registry. Without
 * Micrometer Tracing, the application's registry.
 */
public final class Tracing {

	private final ObservationRegistry registry;

	private Tracing(ObservationRegistry registry) {
		this.registry = registry;
	}

	/**
	 * Observations for the application's registry.
	 * @param registry the application's registry
	 * @return the tracing
	 */
	public static Tracing to(ObservationRegistry registry) {
		return new Tracing(registry);
	}

	/**
	 * Observations for the application's tracing handlers.
	 * @param handlers the handlers that make spans, first first
	 * @param conventions the application's global conventions
	 * @param predicates the application's predicates
	 * @param filters the application's filters
	 * @return the tracing
	 */
	public static Tracing to(List<ObservationHandler<?>> handlers, List<GlobalObservationConvention<?>> conventions,
			List<ObservationPredicate> predicates, List<ObservationFilter> filters) {
		ObservationRegistry registry = ObservationRegistry.create();
		ObservationRegistry.ObservationConfig config = registry.observationConfig();
		config.observationHandler(new FirstMatchingCompositeObservationHandler(handlers));
		conventions.forEach(config::observationConvention);
		predicates.forEach(config::observationPredicate);
		filters.forEach(config::observationFilter);
		return new Tracing(registry);
	}

	/**
	 * The traces of one listener.
	 * @param listener the listener's name
	 * @param service its service's name
	 * @param protocol {@code tcp} or {@code udp}
	 * @return its traces
	 */
	public ListenerTraces listener(String listener, String service, String protocol) {
		return new ListenerTraces(this.registry, listener, service, protocol);
	}

}
