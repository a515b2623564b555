package io.wharf.system;

import java.util.function.BiFunction;

import org.jspecify.annotations.Nullable;

import org.springframework.integration.handler.AbstractReplyProducingMessageHandler;
import org.springframework.messaging.Message;
import org.springframework.messaging.MessageHeaders;

/**
 * Calls a service with a message's bytes and headers and sends what it answers to the
 * message's reply channel; a direct call, where a lambda handler would reflect on every
 * message.
 */
public final class ServiceHandler extends AbstractReplyProducingMessageHandler {

	private final BiFunction<byte[], MessageHeaders, @Nullable Object> service;

	public ServiceHandler(BiFunction<byte[], MessageHeaders, @Nullable Object> service) {
		this.service = service;
	}

	@Override
	protected @Nullable Object handleRequestMessage(Message<?> requestMessage) {
		return this.service.apply((byte[]) requestMessage.getPayload(), requestMessage.getHeaders());
	}

}
