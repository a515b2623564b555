package io.wharf.conversation;

import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

import io.wharf.api.SocketService;

import org.springframework.beans.factory.SmartInitializingSingleton;
import org.springframework.integration.dsl.IntegrationFlow;
import org.springframework.integration.dsl.context.IntegrationFlowContext;

/**
 * Gives every {@link SocketService} bean its request channel,
 * {@code <bean name>.requests}, with a flow into a {@link ServiceAdapter}: listeners name
 * a service and send to its channel. A Spring Integration user may instead wire a flow of
 * their own from a channel of that name.
 */
public final class ServiceChannels implements SmartInitializingSingleton {

	private final Map<String, SocketService<?>> services;

	private final IntegrationFlowContext flowContext;

	public ServiceChannels(Map<String, SocketService<?>> services, IntegrationFlowContext flowContext) {
		this.services = services;
		this.flowContext = flowContext;
	}

	/**
	 * The channel a service receives messages on.
	 * @param service the service's name
	 * @return the channel's bean name
	 */
	public static String requestChannel(String service) {
		return service + ".requests";
	}

	@Override
	public void afterSingletonsInstantiated() {
		this.services
			.forEach((name,
					service) -> this.flowContext.registration(IntegrationFlow.from(requestChannel(name))
						.handle(new ServiceAdapter(service), (endpoint) -> endpoint.id(name + ".service"))
						.get()).id("wharf.service." + name).register());
	}

	/**
	 * Tells a service that a listener serving it started.
	 * @param service the service's name
	 * @param listener the listener's name
	 * @param protocol {@code tcp} or {@code udp}
	 */
	public void listening(String service, String listener, String protocol) {
		SocketService<?> socketService = this.services.get(service);
		if (socketService != null) {
			socketService.listening(listener, protocol);
		}
	}

	/**
	 * The names of the services there are.
	 * @return bean names, sorted
	 */
	public Set<String> names() {
		return new TreeSet<>(this.services.keySet());
	}

}
