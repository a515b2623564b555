package io.wharf.server;

import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import io.wharf.WharfApplication;

import org.springframework.boot.EnvironmentPostProcessor;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.context.properties.bind.Bindable;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.core.Ordered;
import org.springframework.core.env.ConfigurableEnvironment;
import org.springframework.core.env.MapPropertySource;

/**
 * Keeps the auto-configurations of what the standalone server carries for an opt-in mode
 * out of it until that mode is switched on: Redis unless {@code wharf.cluster.enabled}
 * (no Redis client, no {@code redis} health component DOWN without a Redis, no Redis
 * meters in a single process), and Micrometer Tracing with OpenTelemetry unless
 * {@code wharf.tracing.enabled} (no tracer, no span processor, and log lines without an
 * empty correlation id). An application that depends on Wharf keeps its own configuration
 * as it is.
 */
class OptInAutoConfigurations implements EnvironmentPostProcessor, Ordered {

	static final String SOURCE = "Wharf server: opt-in modes off";

	private static final String EXCLUDE = "spring.autoconfigure.exclude";

	private static final List<String> REDIS = List.of(
			"org.springframework.boot.data.redis.autoconfigure.DataRedisAutoConfiguration",
			"org.springframework.boot.data.redis.autoconfigure.DataRedisReactiveAutoConfiguration",
			"org.springframework.boot.data.redis.autoconfigure.DataRedisRepositoriesAutoConfiguration",
			"org.springframework.boot.data.redis.autoconfigure.health.DataRedisHealthContributorAutoConfiguration",
			"org.springframework.boot.data.redis.autoconfigure.health.DataRedisReactiveHealthContributorAutoConfiguration",
			"org.springframework.boot.data.redis.autoconfigure.observation.LettuceObservationAutoConfiguration");

	private static final List<String> TRACING = List.of(
			"org.springframework.boot.micrometer.tracing.autoconfigure.MicrometerTracingAutoConfiguration",
			"org.springframework.boot.micrometer.tracing.autoconfigure.NoopTracerAutoConfiguration",
			"org.springframework.boot.micrometer.tracing.autoconfigure.otlp.OtlpExemplarsAutoConfiguration",
			"org.springframework.boot.micrometer.tracing.autoconfigure.prometheus.PrometheusExemplarsAutoConfiguration",
			"org.springframework.boot.micrometer.tracing.opentelemetry.autoconfigure.OpenTelemetryTracingAutoConfiguration",
			"org.springframework.boot.micrometer.tracing.opentelemetry.autoconfigure.otlp.OtlpTracingAutoConfiguration",
			"org.springframework.boot.opentelemetry.autoconfigure.OpenTelemetrySdkAutoConfiguration",
			"org.springframework.boot.opentelemetry.autoconfigure.logging.OpenTelemetryLoggingAutoConfiguration",
			"org.springframework.boot.opentelemetry.autoconfigure.logging.otlp.OtlpLoggingAutoConfiguration");

	@Override
	public int getOrder() {
		// After the server defaults, before the Spring AOT guard reads the result.
		return Ordered.LOWEST_PRECEDENCE - 8;
	}

	@Override
	public void postProcessEnvironment(ConfigurableEnvironment environment, SpringApplication application) {
		if (!application.getAllSources().contains(WharfApplication.class)) {
			return;
		}
		Set<String> excluded = new LinkedHashSet<>(
				Binder.get(environment).bind(EXCLUDE, Bindable.listOf(String.class)).orElse(List.of()));
		Map<String, Object> properties = new HashMap<>();
		if (!environment.getProperty("wharf.cluster.enabled", Boolean.class, false)) {
			excluded.addAll(REDIS);
		}
		if (!environment.getProperty("wharf.tracing.enabled", Boolean.class, false)) {
			excluded.addAll(TRACING);
			properties.put("logging.expect-correlation-id", "false");
		}
		properties.put(EXCLUDE, String.join(",", excluded));
		environment.getPropertySources().addFirst(new MapPropertySource(SOURCE, properties));
	}

}
