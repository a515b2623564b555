package io.wharf.observe;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.config.MeterFilter;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBooleanProperty;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * Every listener's meters and the ticker of their rates.
 */
@Configuration(proxyBeanMethods = false)
public class ObserveConfiguration {

	@Bean
	MetricsByListener wharfMetricsByListener(ObjectProvider<MeterRegistry> registries) {
		return new MetricsByListener(Meters.registry(registries));
	}

	@Bean
	@ConditionalOnBooleanProperty("wharf.metrics.histograms")
	MeterFilter wharfHistograms() {
		return new WharfHistograms();
	}

}
