package io.wharf.server;

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
 * Keeps Spring Boot's Redis auto-configuration out of the standalone server unless
 * {@code wharf.cluster.enabled} is true: the server carries Redis for cluster mode, and a
 * single process must not create a Redis client, a {@code redis} health component that is
 * DOWN without a Redis, or Redis meters. An application that depends on Wharf keeps its
 * own Redis configuration as it is.
 */
class RedisOnlyWhenClustered implements EnvironmentPostProcessor, Ordered {

	static final String SOURCE = "Wharf server: no Redis without cluster mode";

	private static final String EXCLUDE = "spring.autoconfigure.exclude";

	private static final List<String> REDIS = List.of(
			"org.springframework.boot.data.redis.autoconfigure.DataRedisAutoConfiguration",
			"org.springframework.boot.data.redis.autoconfigure.DataRedisReactiveAutoConfiguration",
			"org.springframework.boot.data.redis.autoconfigure.DataRedisRepositoriesAutoConfiguration",
			"org.springframework.boot.data.redis.autoconfigure.health.DataRedisHealthContributorAutoConfiguration",
			"org.springframework.boot.data.redis.autoconfigure.health.DataRedisReactiveHealthContributorAutoConfiguration",
			"org.springframework.boot.data.redis.autoconfigure.observation.LettuceObservationAutoConfiguration");

	@Override
	public int getOrder() {
		// After the server defaults, before the Spring AOT guard reads the result.
		return Ordered.LOWEST_PRECEDENCE - 8;
	}

	@Override
	public void postProcessEnvironment(ConfigurableEnvironment environment, SpringApplication application) {
		if (!application.getAllSources().contains(WharfApplication.class)
				|| environment.getProperty("wharf.cluster.enabled", Boolean.class, false)) {
			return;
		}
		Set<String> excluded = new LinkedHashSet<>(
				Binder.get(environment).bind(EXCLUDE, Bindable.listOf(String.class)).orElse(List.of()));
		excluded.addAll(REDIS);
		environment.getPropertySources()
			.addFirst(new MapPropertySource(SOURCE, Map.of(EXCLUDE, String.join(",", excluded))));
	}

}
