package io.wharf.actuate;

import java.util.Map;

import io.wharf.cluster.ClusterSessions;
import io.wharf.cluster.ClusterState;
import io.wharf.config.ListenersProperties;
import io.wharf.observe.MetricsByListener;
import io.wharf.transport.Listeners;
import io.wharf.transport.tcp.tls.TlsProviderChoice;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.actuate.autoconfigure.endpoint.condition.ConditionalOnAvailableEndpoint;
import org.springframework.boot.actuate.info.InfoContributor;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.health.autoconfigure.contributor.ConditionalOnEnabledHealthIndicator;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The listeners' health component, the sockets and tap endpoints and the TLS provider in
 * {@code /actuator/info}, when the application has Actuator (the server does), each only
 * where Actuator has it switched on.
 */
@Configuration(proxyBeanMethods = false)
@ConditionalOnClass(name = { "org.springframework.boot.health.contributor.HealthIndicator",
		"org.springframework.boot.actuate.endpoint.annotation.Endpoint" })
@EnableConfigurationProperties({ SocketsProperties.class, TapProperties.class })
public class ActuateConfiguration {

	@Bean
	@ConditionalOnEnabledHealthIndicator("listeners")
	ListenersHealthIndicator listenersHealthIndicator(Listeners listeners) {
		return new ListenersHealthIndicator(listeners);
	}

	@Bean
	@ConditionalOnAvailableEndpoint
	SocketsEndpoint wharfSocketsEndpoint(Listeners listeners, MetricsByListener metrics, SocketsProperties sockets,
			ObjectProvider<ClusterState> state, ObjectProvider<ClusterSessions> cluster) {
		ClusterState clusterState = state.getIfAvailable();
		ClusterSessions clusterSessions = cluster.getIfAvailable();
		return new SocketsEndpoint(listeners, metrics, sockets, (clusterState != null && clusterSessions != null)
				? new ClusterSockets(clusterState, clusterSessions) : null);
	}

	@Bean
	@ConditionalOnAvailableEndpoint
	TapEndpoint wharfTapEndpoint(Listeners listeners, TapProperties properties,
			ObjectProvider<ClusterSessions> cluster) {
		return new TapEndpoint(listeners, properties, cluster.getIfAvailable());
	}

	/**
	 * {@code /actuator/info} says which TLS implementation serves the TLS listeners.
	 * @param listeners the listeners
	 * @param tls the TLS implementation, chosen when first asked for
	 * @return the contributor
	 */
	@Bean
	InfoContributor wharfTlsInfo(ListenersProperties listeners, ObjectProvider<TlsProviderChoice> tls) {
		return (info) -> {
			if (listeners.enabled().values().stream().anyMatch((listener) -> listener.ssl().enabled())) {
				tls.ifAvailable((provider) -> info.withDetail("tls", Map.of("provider", provider.get().description())));
			}
		};
	}

	@Bean
	@ConditionalOnBean(ClusterState.class)
	@ConditionalOnEnabledHealthIndicator("cluster")
	ClusterHealthIndicator clusterHealthIndicator(ClusterState state) {
		return new ClusterHealthIndicator(state);
	}

}
