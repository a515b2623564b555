package io.wharf.observe;

import io.micrometer.core.instrument.MeterRegistry;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * Every listener's meters and the ticker of their rates.
 */
@Configuration(proxyBeanMethods = false)
public class ObserveConfiguration {

	@Bean
	MetricsByListener wharfMetricsByListener(MeterRegistry registry) {
		return new MetricsByListener(registry);
	}

}
