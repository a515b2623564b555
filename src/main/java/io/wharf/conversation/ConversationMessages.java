package io.wharf.conversation;

import java.util.Map;

import org.springframework.messaging.Message;
import org.springframework.messaging.MessageHeaders;
import org.springframework.messaging.support.GenericMessage;

/**
 * The messages a listener sends its service. On Wharf's own channel into a
 * {@code SocketService} nothing reads Spring's {@code id} and {@code timestamp} headers,
 * and a random id per message is measurable under pipelined load, so those messages go
 * without them; a Spring Integration flow of the application's own gets them, as any
 * message it handles would have.
 */
public final class ConversationMessages {

	private ConversationMessages() {
	}

	/**
	 * A message with the given headers, copied once.
	 * @param <T> the payload's type
	 * @param payload the payload
	 * @param headers the headers
	 * @param stamped whether it gets an id and a timestamp
	 * @return the message
	 */
	public static <T> Message<T> of(T payload, Map<String, Object> headers, boolean stamped) {
		return new GenericMessage<>(payload, stamped ? new MessageHeaders(headers) : new Unstamped(headers));
	}

	/** Headers without an id or a timestamp. */
	private static final class Unstamped extends MessageHeaders {

		private static final long serialVersionUID = 1L;

		Unstamped(Map<String, Object> headers) {
			super(headers, ID_VALUE_NONE, -1L);
		}

	}

}
