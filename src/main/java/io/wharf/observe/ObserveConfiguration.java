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

	/**
	 * Micrometer meters whose Prometheus names promtool flags (abbreviated units, a
	 * "_count" suffix on a gauge, no help text) and that say little about a socket
	 * service: JIT time, cumulative CPU time (process_cpu_usage stays), the CPU count,
	 * and the timings of Actuator's own HTTP requests.
	 * @return the filter
	 */
	@Bean
	MeterFilter denyMetersPromtoolFlags() {
		return MeterFilter.deny((id) -> switch (id.getName()) {
			case "jvm.compilation.time", "process.cpu.time", "system.cpu.count", "http.server.requests",
					"http.server.requests.active" ->
				true;
			default -> false;
		});
	}

}
