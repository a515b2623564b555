package io.wharf.transport;

import java.util.List;
import java.util.Map;

import io.wharf.system.ConversationHeaders;

import org.springframework.integration.channel.DirectChannel;
import org.springframework.integration.dsl.IntegrationFlow;
import org.springframework.integration.dsl.IntegrationFlowBuilder;
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
	 * The listener's two flows.
	 * @param inbound a flow started from the listener's inbound adapter
	 * @param replySender writes replies back to clients
	 * @return the inbound flow and the reply flow
	 */
	public List<IntegrationFlow> serving(IntegrationFlowBuilder inbound, MessageHandler replySender) {
		IntegrationFlow requests = inbound.channel(this.properties.requiredService().requestChannel()).get();
		IntegrationFlow answers = IntegrationFlow.from(this.replies)
			.handle(replySender, (endpoint) -> endpoint.id(this.name + ".replies"))
			.get();
		return List.of(requests, answers);
	}

}
