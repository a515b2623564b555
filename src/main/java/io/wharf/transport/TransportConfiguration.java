package io.wharf.transport;

import java.util.List;

import io.wharf.api.SocketSessions;
import io.wharf.config.ListenersProperties;
import io.wharf.conversation.ServiceChannels;
import io.wharf.observe.MetricsByListener;

import org.springframework.beans.factory.ListableBeanFactory;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.integration.dsl.context.IntegrationFlowContext;

/**
 * The listeners declared under {@code wharf.listeners}, the services they name, and
 * {@link SocketSessions} for the application.
 */
@Configuration(proxyBeanMethods = false)
public class TransportConfiguration {

	@Bean
	ServiceChannels wharfServiceChannels(ListableBeanFactory beans, IntegrationFlowContext flowContext) {
		return new ServiceChannels(beans, flowContext);
	}

	@Bean
	Listeners wharfListeners(ListenersProperties properties, List<ListenerTransport> transports,
			MetricsByListener metrics, ServiceChannels services, ListableBeanFactory beans) {
		return new Listeners(properties, transports, metrics, services, beans);
	}

	@Bean
	@ConditionalOnMissingBean
	SocketSessions wharfSocketSessions(Listeners listeners) {
		return new LocalSessions(listeners);
	}

	@Bean
	@ConditionalOnMissingBean
	SessionIds wharfSessionIds() {
		return SessionIds.local();
	}

}
