package io.wharf.observe.tracing;

import java.util.List;
import java.util.stream.Stream;

import io.micrometer.observation.ObservationHandler;
import io.micrometer.tracing.handler.TracingObservationHandler;

import org.springframework.util.ClassUtils;

/**
 * The application's handlers that make spans of observations, where Micrometer Tracing is
 * on the class path.
 */
public final class TracingHandlers {

	private static final boolean PRESENT = ClassUtils
		.isPresent("io.micrometer.tracing.handler.TracingObservationHandler", TracingHandlers.class.getClassLoader());

	private TracingHandlers() {
	}

	/**
	 * The tracing handlers among the application's observation handlers.
	 * @param handlers every handler, in order
	 * @return those that make spans, in order; empty without Micrometer Tracing
	 */
	public static List<ObservationHandler<?>> of(Stream<ObservationHandler<?>> handlers) {
		return PRESENT ? handlers.filter(Tracers::isTracing).toList() : List.of();
	}

	/** Loaded only where Micrometer Tracing is. */
	private static final class Tracers {

		static boolean isTracing(ObservationHandler<?> handler) {
			return handler instanceof TracingObservationHandler<?>;
		}

	}

}
