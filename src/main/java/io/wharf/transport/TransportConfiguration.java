package io.wharf.transport;

import java.util.List;
import java.util.Map;

import io.wharf.api.SocketService;
import io.wharf.api.SocketSessions;
import io.wharf.observe.MetricsByListener;
import io.wharf.system.ServiceChannels;

import org.springframework.beans.factory.ListableBeanFactory;
import org.springframework.boot.actuate.autoconfigure.endpoint.condition.ConditionalOnAvailableEndpoint;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.context.properties.ConfigurationPropertiesBinding;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.health.autoconfigure.contributor.ConditionalOnEnabledHealthIndicator;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.integration.dsl.context.IntegrationFlowContext;

/**
 * The listeners declared under {@code wharf.listeners}, the services they name, and what
 * operators see of them: health, the sockets endpoint, and {@link SocketSessions} for the
 * application.
 */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties({ ListenersProperties.class, SocketsProperties.class })
public class TransportConfiguration {

	@Bean
	@ConfigurationPropertiesBinding
	static ConfigurationWords wharfConfigurationWords() {
		return new ConfigurationWords();
	}

	@Bean
	ServiceChannels wharfServiceChannels(Map<String, SocketService<?>> services, IntegrationFlowContext flowContext) {
		return new ServiceChannels(services, flowContext);
	}

	@Bean
	Listeners wharfListeners(ListenersProperties properties, List<ListenerTransport> transports,
			MetricsByListener metrics, ServiceChannels services, ListableBeanFactory beans) {
		return new Listeners(properties, transports, metrics, services, beans);
	}

	@Bean
	@ConditionalOnMissingBean
	SocketSessions wharfSocketSessions(Listeners listeners) {
		return new ListenerSessions(listeners);
	}

	@Bean
	@ConditionalOnEnabledHealthIndicator("listeners")
	ListenersHealthIndicator listenersHealthIndicator(ListenersProperties properties, Listeners listeners) {
		return new ListenersHealthIndicator(properties, listeners);
	}

	@Bean
	@ConditionalOnAvailableEndpoint
	SocketsEndpoint wharfSocketsEndpoint(ListenersProperties properties, Listeners listeners, MetricsByListener metrics,
			SocketsProperties sockets) {
		return new SocketsEndpoint(properties, listeners, metrics, sockets);
	}

}
