package io.wharf.cluster;

import io.micrometer.core.instrument.MeterRegistry;
import io.wharf.WharfTest;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;
import org.springframework.data.redis.connection.RedisConnectionFactory;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Without {@code wharf.cluster.enabled}, the server is a single process and nothing of
 * the cluster exists: no Redis client (the server carries Redis for cluster mode only),
 * no thread, no meter, no health component.
 */
@WharfTest
class ClusterOffTests {

	@Autowired
	private ApplicationContext context;

	@Autowired
	private MeterRegistry registry;

	@Test
	void noRedisClientNoThreadNoMeter() {
		assertThat(this.context.getBeanNamesForType(RedisConnectionFactory.class)).isEmpty();
		assertThat(this.context.getBeanNamesForType(ClusterState.class)).isEmpty();
		assertThat(this.context.getBeanNamesForType(ClusterMembership.class)).isEmpty();
		assertThat(this.registry.getMeters()).noneMatch((meter) -> meter.getId().getName().startsWith("wharf.cluster"))
			.noneMatch((meter) -> meter.getId().getName().startsWith("lettuce"));
		assertThat(Thread.getAllStackTraces().keySet()).extracting(Thread::getName)
			.noneMatch((name) -> name.startsWith("wharf-cluster") || name.toLowerCase().contains("lettuce"));
		assertThat(this.context.containsBean("clusterHealthIndicator")).isFalse();
		assertThat(this.context.containsBean("redisHealthContributor")).isFalse();
	}

}
