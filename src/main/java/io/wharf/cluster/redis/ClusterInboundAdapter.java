package io.wharf.cluster.redis;

import org.springframework.data.redis.connection.RedisConnectionFactory;
import org.springframework.integration.redis.inbound.RedisInboundChannelAdapter;

/**
 * Spring Integration's Redis inbound adapter as the cluster's: unchanged, but logging its
 * start and stop in the {@code wharf-integration} logging group rather than among the
 * application's own Spring Integration components.
 */
final class ClusterInboundAdapter extends RedisInboundChannelAdapter {

	ClusterInboundAdapter(RedisConnectionFactory redis) {
		super(redis);
	}

}
