package io.wharf.observe;

import java.util.List;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.config.MeterFilter;
import io.micrometer.observation.GlobalObservationConvention;
import io.micrometer.observation.ObservationFilter;
import io.micrometer.observation.ObservationHandler;
import io.micrometer.observation.ObservationPredicate;
import io.micrometer.observation.ObservationRegistry;
import io.wharf.observe.tracing.Tracing;
import io.wharf.observe.tracing.TracingHandlers;
import io.wharf.observe.tracing.TracingProperties;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBooleanProperty;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * Every listener's meters and the ticker of their rates; with
 * {@code wharf.tracing.enabled} the observations of their sessions and messages too.
 */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(TracingProperties.class)
public class ObserveConfiguration {

	private static final Logger logger = LoggerFactory.getLogger(ObserveConfiguration.class);

	@Bean
	MetricsByListener wharfMetricsByListener(ObjectProvider<MeterRegistry> registries,
			ObjectProvider<Tracing> tracing) {
		return new MetricsByListener(Meters.registry(registries), tracing.getIfAvailable());
	}

	@Bean
	@ConditionalOnBooleanProperty("wharf.tracing.enabled")
	Tracing wharfTracing(ObjectProvider<ObservationRegistry> registries, ObjectProvider<ObservationHandler<?>> handlers,
			ObjectProvider<GlobalObservationConvention<?>> conventions, ObjectProvider<ObservationPredicate> predicates,
			ObjectProvider<ObservationFilter> filters) {
		ObservationRegistry registry = registries.getIfAvailable();
		if (registry == null) {
			logger.warn("wharf.tracing.enabled is true, but the application has no ObservationRegistry: "
					+ "add spring-boot-starter-actuator and a Micrometer Tracing bridge (docs/observability.md#traces). "
					+ "Sessions and messages are not traced.");
			return Tracing.to(ObservationRegistry.NOOP);
		}
		List<ObservationHandler<?>> tracing = TracingHandlers.of(handlers.orderedStream());
		if (tracing.isEmpty()) {
			return Tracing.to(registry);
		}
		return Tracing.to(tracing, conventions.orderedStream().toList(), predicates.orderedStream().toList(),
				filters.orderedStream().toList());
	}

	@Bean
	@ConditionalOnBooleanProperty("wharf.metrics.histograms")
	MeterFilter wharfHistograms() {
		return new WharfHistograms();
	}

}
