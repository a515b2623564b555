package io.wharf.transport;

import java.util.Map;

import io.wharf.config.ListenerProperties;
import io.wharf.conversation.ConversationHeaders;
import io.wharf.conversation.ServiceChannels;

import org.springframework.integration.channel.DirectChannel;
import org.springframework.integration.dsl.IntegrationFlow;
import org.springframework.integration.dsl.context.IntegrationFlowContext;
import org.springframework.integration.endpoint.MessageProducerSupport;
import org.springframework.messaging.MessageHandler;
import org.springframework.messaging.MessageHeaders;

/**
 * How a listener reaches its service and back: the headers its inbound messages carry
 * (set when each message is built, so no step copies them again), the service channel
 * they go to, and the reply flow that drains the reply channel into the transport's
 * sender. Registers and removes that flow with the listener's lifecycle.
 */
public final class ListenerRoute {

	private final String name;

	private final ListenerProperties properties;

	private final IntegrationFlowContext flowContext;

	private final DirectChannel replies = new DirectChannel();

	private final Map<String, Object> headers;

	private final String flowId;

	public ListenerRoute(String name, ListenerProperties properties, IntegrationFlowContext flowContext) {
		this.name = name;
		this.properties = properties;
		this.flowContext = flowContext;
		this.headers = Map.of(ConversationHeaders.LISTENER, name, ConversationHeaders.PROTOCOL,
				properties.requiredProtocol().label(), MessageHeaders.REPLY_CHANNEL, this.replies);
		this.flowId = "wharf.listener." + name;
	}

	/**
	 * Headers every inbound message of this listener carries.
	 * @return listener name, protocol and reply channel
	 */
	public Map<String, Object> headers() {
		return this.headers;
	}

	/**
	 * Points an inbound adapter straight at the service's channel (no bridge between
	 * them), and registers the adapter and the reply flow to the sender as beans, which
	 * starts them.
	 * @param inbound the listener's inbound adapter
	 * @param replySender writes replies back to clients
	 * @param beans further components to register with the flow, by bean name
	 */
	public void register(MessageProducerSupport inbound, MessageHandler replySender, Map<String, Object> beans) {
		inbound.setOutputChannelName(ServiceChannels.requestChannel(this.properties.requiredService()));
		IntegrationFlow flow = IntegrationFlow.from(this.replies)
			.handle(replySender, (endpoint) -> endpoint.id(this.name + ".replies"))
			.get();
		var registration = this.flowContext.registration(flow).id(this.flowId);
		registration.addBean(this.name + ".inbound", inbound);
		beans.forEach(registration::addBean);
		registration.register();
	}

	/** Removes the flow and the beans registered with it, which stops them. */
	public void remove() {
		if (this.flowContext.getRegistrationById(this.flowId) != null) {
			this.flowContext.remove(this.flowId);
		}
	}

}
