package io.wharf.actuate;

import io.wharf.cluster.ClusterSessions;
import io.wharf.cluster.ClusterState;
import io.wharf.config.ListenersProperties;
import io.wharf.observe.MetricsByListener;
import io.wharf.transport.Listeners;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.actuate.autoconfigure.endpoint.condition.ConditionalOnAvailableEndpoint;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBean;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.health.autoconfigure.contributor.ConditionalOnEnabledHealthIndicator;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The listeners' health component and the sockets endpoint, each only where Actuator has
 * it switched on.
 */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(SocketsProperties.class)
public class ActuateConfiguration {

	@Bean
	@ConditionalOnEnabledHealthIndicator("listeners")
	ListenersHealthIndicator listenersHealthIndicator(ListenersProperties properties, Listeners listeners) {
		return new ListenersHealthIndicator(properties, listeners);
	}

	@Bean
	@ConditionalOnAvailableEndpoint
	SocketsEndpoint wharfSocketsEndpoint(ListenersProperties properties, Listeners listeners, MetricsByListener metrics,
			SocketsProperties sockets, ObjectProvider<ClusterState> state, ObjectProvider<ClusterSessions> cluster) {
		ClusterState clusterState = state.getIfAvailable();
		ClusterSessions clusterSessions = cluster.getIfAvailable();
		return new SocketsEndpoint(properties, listeners, metrics, sockets,
				(clusterState != null && clusterSessions != null) ? new ClusterSockets(clusterState, clusterSessions)
						: null);
	}

	@Bean
	@ConditionalOnBean(ClusterState.class)
	@ConditionalOnEnabledHealthIndicator("cluster")
	ClusterHealthIndicator clusterHealthIndicator(ClusterState state) {
		return new ClusterHealthIndicator(state);
	}

}
