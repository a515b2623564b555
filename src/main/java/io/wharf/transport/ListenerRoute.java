package io.wharf.transport;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import io.wharf.config.ListenerProperties;
import io.wharf.conversation.ConversationHeaders;
import io.wharf.conversation.WharfChannel;
import org.jspecify.annotations.Nullable;

import org.springframework.beans.factory.config.ConfigurableListableBeanFactory;
import org.springframework.beans.factory.support.DefaultSingletonBeanRegistry;
import org.springframework.context.Lifecycle;
import org.springframework.integration.endpoint.MessageProducerSupport;
import org.springframework.integration.handler.AbstractMessageHandler;
import org.springframework.messaging.MessageChannel;
import org.springframework.messaging.MessageHandler;
import org.springframework.messaging.MessageHeaders;

/**
 * How one listener reaches its service and back: the headers its inbound messages carry
 * (set when each message is built, so no step copies them again), the service's channel
 * they go to, and the reply channel that leads straight into the transport's sender. The
 * listener's inbound adapter and its other Spring Integration components become beans of
 * the application while the listener runs ({@code <listener>.inbound},
 * {@code <listener>.connections}), as a Spring Integration user would expect; the
 * channels in between are Wharf's own, with no endpoint between a channel and its one
 * subscriber.
 */
public final class ListenerRoute {

	private final String name;

	private final ListenerProperties properties;

	private final MessageChannel service;

	private final ConfigurableListableBeanFactory beans;

	private final Map<String, Object> headers;

	private final List<String> registered = new ArrayList<>();

	private final List<Lifecycle> started = new ArrayList<>();

	private @Nullable MessageHandler replySender;

	private final WharfChannel replies;

	/**
	 * A listener's route.
	 * @param name the listener's name
	 * @param properties its settings
	 * @param service the channel of the service it names
	 * @param beans the application's beans, where its components are registered
	 */
	public ListenerRoute(String name, ListenerProperties properties, MessageChannel service,
			ConfigurableListableBeanFactory beans) {
		this.name = name;
		this.properties = properties;
		this.service = service;
		this.beans = beans;
		this.replies = WharfChannel.named(name + ".replies", beans);
		this.headers = Map.of(ConversationHeaders.LISTENER, name, ConversationHeaders.PROTOCOL,
				properties.requiredProtocol().label(), MessageHeaders.REPLY_CHANNEL, this.replies);
	}

	/**
	 * Whether the listener's service is an application's own Spring Integration flow
	 * rather than a {@code SocketService} bean. A flow's messages carry Spring's id and
	 * timestamp headers, which it may rely on, and its TCP replies come back through the
	 * reply channel; Wharf's own channel into a service bean reads neither, and a
	 * session's answer is written straight to it.
	 * @return false for a service bean's channel
	 */
	public boolean servedByFlow() {
		return !(this.service instanceof WharfChannel);
	}

	/**
	 * The listener's name.
	 * @return its name under {@code wharf.listeners}
	 */
	public String name() {
		return this.name;
	}

	/**
	 * The listener's settings.
	 * @return its settings
	 */
	public ListenerProperties properties() {
		return this.properties;
	}

	/**
	 * Headers every inbound message of this listener carries.
	 * @return listener name, protocol and reply channel
	 */
	public Map<String, Object> headers() {
		return this.headers;
	}

	/**
	 * Connects the listener: replies go to the sender, the inbound adapter sends to the
	 * service's channel, and the adapter (registered as {@code <listener>.inbound}) and
	 * any further components become beans and start, the adapter last.
	 * @param inbound the listener's inbound adapter
	 * @param replySender writes replies back to clients; null when nothing replies
	 * through the reply channel (a TCP listener's service bean answers its session
	 * directly)
	 * @param components further components to register, by bean name
	 */
	public synchronized void start(MessageProducerSupport inbound, @Nullable MessageHandler replySender,
			Map<String, Object> components) {
		if (replySender instanceof AbstractMessageHandler handler) {
			handler.setBeanName(this.name + ".replies");
			handler.setBeanFactory(this.beans);
			handler.afterPropertiesSet();
		}
		if (replySender != null) {
			this.replies.subscribe(replySender);
		}
		this.replySender = replySender;
		inbound.setOutputChannel(this.service);
		Map<String, Object> all = new LinkedHashMap<>(components);
		all.put(this.name + ".inbound", inbound);
		all.forEach(this::register);
		if (replySender instanceof Lifecycle lifecycle) {
			start(lifecycle);
		}
		all.values().forEach((component) -> {
			if (component instanceof Lifecycle lifecycle) {
				start(lifecycle);
			}
		});
	}

	private void register(String name, Object component) {
		Object initialized = this.beans.initializeBean(component, name);
		this.beans.registerSingleton(name, initialized);
		this.registered.add(name);
	}

	private void start(Lifecycle component) {
		component.start();
		this.started.add(0, component);
	}

	/** Stops what started, last first, and removes the beans registered. */
	public synchronized void remove() {
		this.started.forEach(Lifecycle::stop);
		this.started.clear();
		if (this.replySender != null) {
			this.replies.unsubscribe(this.replySender);
			this.replySender = null;
		}
		for (String name : this.registered) {
			((DefaultSingletonBeanRegistry) this.beans).destroySingleton(name);
		}
		this.registered.clear();
	}

}
