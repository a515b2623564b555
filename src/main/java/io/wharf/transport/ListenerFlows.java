package io.wharf.transport;

import java.util.List;

import io.wharf.system.ConversationHeaders;

import org.springframework.integration.channel.DirectChannel;
import org.springframework.integration.dsl.IntegrationFlow;
import org.springframework.integration.dsl.IntegrationFlowBuilder;
import org.springframework.messaging.MessageHandler;
import org.springframework.messaging.MessageHeaders;

/**
 * The two flows of every listener: inbound messages, labelled with their listener and
 * reply channel, to the service's channel; replies from that channel to the transport's
 * sender.
 */
public final class ListenerFlows {

	private ListenerFlows() {
	}

	/**
	 * Connects an inbound adapter to the listener's service and the service's replies to
	 * a sender.
	 * @param inbound a flow started from the listener's inbound adapter
	 * @param name the listener name
	 * @param properties the listener
	 * @param replySender writes replies back to clients
	 * @return the inbound flow and the reply flow
	 */
	public static List<IntegrationFlow> serving(IntegrationFlowBuilder inbound, String name,
			ListenerProperties properties, MessageHandler replySender) {
		DirectChannel replies = new DirectChannel();
		IntegrationFlow requests = inbound
			.enrichHeaders((headers) -> headers.header(ConversationHeaders.LISTENER, name)
				.header(ConversationHeaders.PROTOCOL, properties.requiredProtocol().label())
				.header(MessageHeaders.REPLY_CHANNEL, replies))
			.channel(properties.requiredService().requestChannel())
			.get();
		IntegrationFlow answers = IntegrationFlow.from(replies)
			.handle(replySender, (endpoint) -> endpoint.id(name + ".replies"))
			.get();
		return List.of(requests, answers);
	}

}
