package io.wharf.conversation;

import java.util.Arrays;
import java.util.Set;
import java.util.TreeSet;

import io.wharf.api.SocketService;

import org.springframework.beans.factory.ListableBeanFactory;
import org.springframework.integration.dsl.IntegrationFlow;
import org.springframework.integration.dsl.context.IntegrationFlowContext;

/**
 * Gives each {@link SocketService} bean that a listener names its request channel,
 * {@code <bean name>.requests}, with a flow into a {@link ServiceAdapter}: listeners name
 * a service and send to its channel. A Spring Integration user may instead wire a flow of
 * their own from a channel of that name. Services are looked up by name when the
 * listeners start, not injected, so a service may itself use {@code SocketSessions}, and
 * a service no listener names gets no flow.
 */
public final class ServiceChannels {

	private final ListableBeanFactory beans;

	private final IntegrationFlowContext flowContext;

	public ServiceChannels(ListableBeanFactory beans, IntegrationFlowContext flowContext) {
		this.beans = beans;
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

	/**
	 * Connects a service bean to its channel, once, unless a Spring Integration flow of
	 * the application's own serves that channel.
	 * @param service the service's name
	 */
	public synchronized void serve(String service) {
		String flowId = "wharf.service." + service;
		if (!isService(service) || this.flowContext.getRegistrationById(flowId) != null) {
			return;
		}
		SocketService<?> bean = this.beans.getBean(service, SocketService.class);
		this.flowContext
			.registration(IntegrationFlow.from(requestChannel(service))
				.handle(new ServiceAdapter(bean), (endpoint) -> endpoint.id(service + ".service"))
				.get())
			.id(flowId)
			.register();
	}

	/**
	 * Tells a service that a listener serving it started.
	 * @param service the service's name
	 * @param listener the listener's name
	 * @param protocol {@code tcp} or {@code udp}
	 */
	public void listening(String service, String listener, String protocol) {
		if (isService(service)) {
			this.beans.getBean(service, SocketService.class).listening(listener, protocol);
		}
	}

	/**
	 * Whether a bean of that name is a service.
	 * @param name a bean name
	 * @return true for a {@link SocketService} bean
	 */
	public boolean isService(String name) {
		return this.beans.containsBean(name) && this.beans.isTypeMatch(name, SocketService.class);
	}

	/**
	 * The names of the services there are.
	 * @return bean names, sorted
	 */
	public Set<String> names() {
		return new TreeSet<>(Arrays.asList(this.beans.getBeanNamesForType(SocketService.class)));
	}

}
