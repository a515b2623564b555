package io.wharf.transport;

import java.util.Map;

import io.wharf.system.ConversationHeaders;

import org.springframework.integration.channel.DirectChannel;
import org.springframework.integration.dsl.IntegrationFlow;
import org.springframework.integration.endpoint.MessageProducerSupport;
import org.springframework.messaging.MessageHandler;
import org.springframework.messaging.MessageHeaders;

/**
 * How a listener reaches its service and back: the headers its inbound messages carry
 * (set when each message is built, so no step copies it again), the service channel they
 * go to, and the reply channel a sender drains.
 */
public final class ListenerFlows {

	private final String name;

	private final ListenerProperties properties;

	private final DirectChannel replies = new DirectChannel();

	private final Map<String, Object> headers;

	public ListenerFlows(String name, ListenerProperties properties) {
		this.name = name;
		this.properties = properties;
		this.headers = Map.of(ConversationHeaders.LISTENER, name, ConversationHeaders.PROTOCOL,
				properties.requiredProtocol().label(), MessageHeaders.REPLY_CHANNEL, this.replies);
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
	 * them) and builds the flow that takes replies to the transport's sender.
	 * @param inbound the listener's inbound adapter
	 * @param replySender writes replies back to clients
	 * @return the reply flow
	 */
	public IntegrationFlow serving(MessageProducerSupport inbound, MessageHandler replySender) {
		inbound.setOutputChannelName(this.properties.requiredService().requestChannel());
		return IntegrationFlow.from(this.replies)
			.handle(replySender, (endpoint) -> endpoint.id(this.name + ".replies"))
			.get();
	}

}
