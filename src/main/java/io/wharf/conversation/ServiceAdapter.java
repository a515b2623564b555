package io.wharf.conversation;

import java.net.InetSocketAddress;
import java.time.Duration;
import java.util.function.Function;

import io.wharf.api.Answer;
import io.wharf.api.CloseReason;
import io.wharf.api.Datagram;
import io.wharf.api.Reply;
import io.wharf.api.SocketService;
import org.jspecify.annotations.Nullable;

import org.springframework.integration.handler.AbstractReplyProducingMessageHandler;
import org.springframework.integration.ip.IpHeaders;
import org.springframework.messaging.Message;
import org.springframework.messaging.MessageHeaders;
import org.springframework.messaging.MessagingException;
import org.springframework.messaging.support.GenericMessage;

/**
 * Calls a {@link SocketService} for each message on its request channel, on the calling
 * (I/O) thread. A TCP session's answer is written straight to the session, which the
 * message carries; a datagram's is sent, as a {@link Reply}, to the message's reply
 * channel, sharing the request's headers (connection, listener) rather than copying them:
 * headers are immutable, and the copy was a large part of a message's cost.
 */
public final class ServiceAdapter extends AbstractReplyProducingMessageHandler {

	private final SocketService<Object> service;

	private final Function<@Nullable Object, @Nullable String> describer;

	@SuppressWarnings("unchecked")
	public ServiceAdapter(SocketService<?> service) {
		this.service = (SocketService<Object>) service;
		this.describer = this.service::describe;
	}

	@Override
	protected @Nullable Object handleRequestMessage(Message<?> request) {
		MessageHeaders headers = request.getHeaders();
		Answer answer = new Answer();
		if (headers.get(ConversationHeaders.SESSION) instanceof SessionHandle session) {
			converse(session, headers, (byte[]) request.getPayload(), answer);
			// Called on the session's own I/O thread: the answer goes straight to it, not
			// through a reply message, a reply channel and a lookup of the connection by
			// id.
			session.answer(answer);
			return null;
		}
		else {
			InetSocketAddress sender = (InetSocketAddress) headers.get(IpHeaders.PACKET_ADDRESS);
			String listener = String.valueOf(headers.get(ConversationHeaders.LISTENER));
			this.service.datagram(new Datagram(listener, sender, (byte[]) request.getPayload()), answer);
		}
		if (answer.frames().isEmpty() && !answer.closes()) {
			return null;
		}
		return new GenericMessage<>(new Reply(answer.frames(), answer.closes()), headers);
	}

	private void converse(SessionHandle session, MessageHeaders headers, byte[] payload, Answer answer) {
		ConversationEvent event = headers.get(ConversationHeaders.EVENT, ConversationEvent.class);
		if (event == null) {
			this.service.received(session, session.state(), payload, answer);
			return;
		}
		switch (event) {
			case OPENED -> session.state(this.service.opened(session, answer), this.describer);
			case IDLE -> this.service.idle(session, session.state(),
					headers.get(ConversationHeaders.IDLE_TIMEOUT, Duration.class), answer);
			case DRAINING -> this.service.draining(session, session.state(), answer);
			case CLOSED -> this.service.closed(session, session.state(),
					headers.get(ConversationHeaders.CLOSE_REASON, CloseReason.class));
		}
	}

	/**
	 * What a service threw, without the exceptions Spring Integration wrapped it in, so
	 * that the log shows the service's own exception, stack trace and causes.
	 * @param error what a call through the service's channel threw
	 * @return the service's exception
	 */
	public static Throwable thrown(Throwable error) {
		Throwable thrown = error;
		while (thrown instanceof MessagingException && thrown.getCause() != null) {
			thrown = thrown.getCause();
		}
		return thrown;
	}

	@Override
	protected boolean shouldCopyRequestHeaders() {
		return false;
	}

}
