package io.wharf.observe.tracing;

import io.micrometer.core.instrument.MeterRegistry;
import io.wharf.WharfTest;
import io.wharf.WireClient;
import io.wharf.observe.MetricsByListener;
import io.wharf.transport.Listeners;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Without {@code wharf.tracing.enabled} the server makes no tracer and its listeners no
 * observation, and its log lines have no empty place for a trace id.
 */
@WharfTest
class TracingOffTests {

	@Autowired
	ApplicationContext context;

	@Autowired
	Listeners listeners;

	@Autowired
	MetricsByListener metrics;

	@Autowired
	MeterRegistry registry;

	@Test
	void nothingIsTracedUnlessEnabled() throws Exception {
		try (WireClient client = WireClient.connect(this.listeners.port("echo-line"))) {
			client.send("x\n").readLine();
		}
		assertThat(this.context.getBeanNamesForType(Tracing.class)).isEmpty();
		assertThat(this.context.getBeanNamesForType(io.micrometer.tracing.Tracer.class)).isEmpty();
		assertThat(this.metrics.get("echo-line").traces()).isNull();
		assertThat(this.registry.find(DefaultMessageObservationConvention.NAME).meters()).isEmpty();
		assertThat(this.registry.find(DefaultSessionObservationConvention.NAME).meters()).isEmpty();
		assertThat(this.context.getEnvironment().getProperty("logging.expect-correlation-id", Boolean.class))
			.as("no empty place for a trace id on log lines")
			.isFalse();
	}

}
