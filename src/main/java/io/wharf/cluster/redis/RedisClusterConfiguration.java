package io.wharf.cluster.redis;

import io.wharf.cluster.ClusterBus;
import io.wharf.cluster.ClusterMeters;
import io.wharf.cluster.ClusterProperties;
import io.wharf.cluster.ClusterState;
import io.wharf.cluster.SessionDirectory;

import org.springframework.beans.factory.BeanFactory;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBooleanProperty;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.data.redis.connection.RedisConnectionFactory;
import org.springframework.data.redis.core.StringRedisTemplate;
import org.springframework.integration.redis.inbound.RedisInboundChannelAdapter;

/**
 * The cluster's bus and directory on Redis, over the connection Spring Boot's Redis
 * auto-configuration makes from {@code spring.data.redis.*} (Lettuce, TLS from an SSL
 * bundle, a password or ACL user).
 */
@Configuration(proxyBeanMethods = false)
@ConditionalOnBooleanProperty("wharf.cluster.enabled")
@ConditionalOnClass({ RedisConnectionFactory.class, RedisInboundChannelAdapter.class })
public class RedisClusterConfiguration {

	@Bean
	ClusterChannels wharfClusterChannels(ClusterState state) {
		return new ClusterChannels(state.name(), state.instance());
	}

	@Bean
	ClusterBus wharfClusterBus(RedisConnectionFactory redis, BeanFactory beans, ClusterChannels channels,
			ClusterProperties properties, ClusterMeters meters) {
		return new RedisClusterBus(redis, beans, channels, properties.queueCapacity(), meters);
	}

	@Bean
	SessionDirectory wharfSessionDirectory(RedisConnectionFactory redis, ClusterChannels channels,
			ClusterProperties properties) {
		return new RedisSessionDirectory(new StringRedisTemplate(redis), channels, properties.instanceTimeout());
	}

}
