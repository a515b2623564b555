package io.wharf.observe;

import io.micrometer.core.instrument.config.MeterFilter;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * Meter settings for the message path.
 */
@Configuration(proxyBeanMethods = false)
class ObserveConfiguration {

	/**
	 * Spring Integration times every channel send and handler call; on a path that
	 * answers in microseconds those timers cost more than the work they time (seen in
	 * profiles), and Wharf's own meters say what an operator needs, so they are switched
	 * off.
	 * @return the filter
	 */
	@Bean
	MeterFilter denyIntegrationComponentTimers() {
		return MeterFilter.deny((id) -> id.getName().equals("spring.integration.send")
				|| id.getName().equals("spring.integration.receive"));
	}

}
