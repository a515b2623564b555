package io.wharf.transport;

import java.util.List;

import io.wharf.api.SocketSessions;
import io.wharf.config.ListenersProperties;
import io.wharf.conversation.ServiceChannels;
import io.wharf.observe.MetricsByListener;

import org.springframework.beans.factory.ListableBeanFactory;
import org.springframework.beans.factory.config.ConfigurableListableBeanFactory;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.env.Environment;

/**
 * The listeners declared under {@code wharf.listeners}, the services they name, and
 * {@link SocketSessions} for the application.
 */
@Configuration(proxyBeanMethods = false)
public class TransportConfiguration {

	@Bean
	ServiceChannels wharfServiceChannels(ListableBeanFactory beans) {
		return new ServiceChannels(beans);
	}

	@Bean
	Listeners wharfListeners(ListenersProperties properties, List<ListenerTransport> transports,
			MetricsByListener metrics, ServiceChannels services, ConfigurableListableBeanFactory beans,
			Environment environment) {
		return new Listeners(properties, transports, metrics, services, beans, environment);
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
