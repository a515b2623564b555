package io.wharf.transport.tcp;

import java.util.HashMap;
import java.util.Map;

import io.wharf.conversation.ConversationEvent;
import io.wharf.conversation.ConversationHeaders;
import io.wharf.conversation.SessionHandle;
import org.jspecify.annotations.Nullable;

import org.springframework.integration.ip.IpHeaders;
import org.springframework.messaging.Message;
import org.springframework.messaging.support.GenericMessage;

/**
 * Builds the messages a TCP listener's sessions send to its service, in one step each:
 * the headers that do not change during a session (Spring Integration's standard TCP
 * headers, the listener's own and the session) are gathered once, when the session opens,
 * and each message only copies them into its own headers (a message builder would copy
 * them three times, the largest cost per message under pipelined load).
 */
final class InboundMessages {

	private static final byte[] NO_PAYLOAD = new byte[0];

	private final Map<String, Object> listenerHeaders;

	InboundMessages(Map<String, Object> listenerHeaders) {
		this.listenerHeaders = listenerHeaders;
	}

	/**
	 * The messages of one session.
	 * @param connection the session's connection
	 * @param session the session as services see it
	 * @return its messages
	 */
	OfSession of(ConnectionContract connection, SessionHandle session) {
		Map<String, Object> headers = new HashMap<>(2 * (6 + this.listenerHeaders.size()));
		headers.put(IpHeaders.HOSTNAME, connection.getHostName());
		headers.put(IpHeaders.IP_ADDRESS, connection.getHostAddress());
		headers.put(IpHeaders.REMOTE_PORT, connection.getPort());
		headers.put(IpHeaders.CONNECTION_ID, connection.getConnectionId());
		headers.put(IpHeaders.LOCAL_ADDRESS, connection.localAddress());
		headers.put(ConversationHeaders.SESSION, session);
		headers.putAll(this.listenerHeaders);
		return new OfSession(Map.copyOf(headers));
	}

	/**
	 * The messages of one session, over the headers it gathered once.
	 *
	 * @param headers the headers every message of the session carries
	 */
	record OfSession(Map<String, Object> headers) {

		/**
		 * A decoded frame as a message.
		 * @param frame its bytes
		 * @return the message
		 */
		Message<byte[]> frame(byte[] frame) {
			return new GenericMessage<>(frame, this.headers);
		}

		/**
		 * A lifecycle moment of the session as a message with no payload.
		 * @param event what happened
		 * @param header an extra header name (e.g. the close reason), or null
		 * @param value its value
		 * @return the message
		 */
		Message<byte[]> event(ConversationEvent event, @Nullable String header, @Nullable Object value) {
			Map<String, Object> headers = new HashMap<>(this.headers);
			headers.put(ConversationHeaders.EVENT, event);
			if (header != null && value != null) {
				headers.put(header, value);
			}
			return new GenericMessage<>(NO_PAYLOAD, headers);
		}

	}

}
