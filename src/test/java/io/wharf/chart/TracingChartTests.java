package io.wharf.chart;

import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@code tracing.*} switches tracing on in the rendered configuration, with the sampling
 * share and the collector's endpoint; without it the configuration names no tracing.
 */
class TracingChartTests {

	@Test
	void tracingValuesBecomeTheServersTracingConfiguration() {
		JsonNode config = RenderedConfig
			.of(HelmChart.render(null,
					Map.of("tracing.enabled", true, "tracing.endpoint",
							"http://otel-collector.observability:4318/v1/traces", "tracing.samplingProbability", 0.05)))
			.tree();
		assertThat(config.at("/wharf/tracing/enabled").asBoolean()).isTrue();
		assertThat(config.at("/management/tracing/sampling/probability").asDouble()).isEqualTo(0.05);
		assertThat(config.at("/management/opentelemetry/tracing/export/otlp/endpoint").asText())
			.isEqualTo("http://otel-collector.observability:4318/v1/traces");
	}

	@Test
	void withoutAnEndpointSpansAreMadeButSentNowhere() {
		JsonNode config = RenderedConfig.of(HelmChart.render(null, Map.of("tracing.enabled", true))).tree();
		assertThat(config.at("/management/tracing/sampling/probability").asDouble()).isEqualTo(0.01);
		assertThat(config.at("/management/opentelemetry").isMissingNode()).isTrue();
	}

	@Test
	void byDefaultNothingIsTraced() {
		JsonNode config = RenderedConfig.of(HelmChart.render(null)).tree();
		assertThat(config.at("/wharf/tracing").isMissingNode()).isTrue();
		assertThat(config.at("/management/tracing").isMissingNode()).isTrue();
	}

}
