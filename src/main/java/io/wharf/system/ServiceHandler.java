package io.wharf.system;

import java.util.function.BiFunction;

import org.jspecify.annotations.Nullable;

import org.springframework.integration.handler.AbstractReplyProducingMessageHandler;
import org.springframework.messaging.Message;
import org.springframework.messaging.MessageHeaders;
import org.springframework.messaging.support.GenericMessage;

/**
 * Calls a service with a message's bytes and headers and sends what it answers to the
 * message's reply channel; a direct call, where a lambda handler would reflect on every
 * message. The answer travels with the request's headers (connection, listener), shared
 * rather than copied: message headers are immutable, and the copy was a large part of the
 * cost of a message.
 */
public final class ServiceHandler extends AbstractReplyProducingMessageHandler {

	private final BiFunction<byte[], MessageHeaders, @Nullable Object> service;

	public ServiceHandler(BiFunction<byte[], MessageHeaders, @Nullable Object> service) {
		this.service = service;
	}

	@Override
	protected @Nullable Object handleRequestMessage(Message<?> requestMessage) {
		Object answer = this.service.apply((byte[]) requestMessage.getPayload(), requestMessage.getHeaders());
		return (answer != null) ? new GenericMessage<>(answer, requestMessage.getHeaders()) : null;
	}

	@Override
	protected boolean shouldCopyRequestHeaders() {
		return false;
	}

}
