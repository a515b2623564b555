package io.wharf.transport.tcp;

import java.util.HashMap;
import java.util.Map;

import io.wharf.conversation.ConversationEvent;
import io.wharf.conversation.ConversationHeaders;
import org.jspecify.annotations.Nullable;

import org.springframework.integration.ip.IpHeaders;
import org.springframework.messaging.Message;
import org.springframework.messaging.support.GenericMessage;

/**
 * Builds the messages a TCP listener's sessions send to its service, in one step each:
 * one header map with Spring Integration's standard TCP headers and the listener's own (a
 * message builder would copy them three times, the largest cost per message under
 * pipelined load).
 */
final class InboundMessages {

	private static final byte[] NO_PAYLOAD = new byte[0];

	private final Map<String, Object> listenerHeaders;

	InboundMessages(Map<String, Object> listenerHeaders) {
		this.listenerHeaders = listenerHeaders;
	}

	/**
	 * A decoded frame as a message.
	 * @param session the session it came from
	 * @param frame its bytes
	 * @return the message
	 */
	Message<byte[]> frame(TcpSession session, byte[] frame) {
		return new GenericMessage<>(frame, headers(session, 0));
	}

	/**
	 * A lifecycle moment of a session as a message with no payload.
	 * @param session the session
	 * @param event what happened
	 * @param header an extra header name (e.g. the close reason), or null
	 * @param value its value
	 * @return the message
	 */
	Message<byte[]> event(TcpSession session, ConversationEvent event, @Nullable String header,
			@Nullable Object value) {
		Map<String, Object> headers = headers(session, 2);
		headers.put(ConversationHeaders.EVENT, event);
		if (header != null && value != null) {
			headers.put(header, value);
		}
		return new GenericMessage<>(NO_PAYLOAD, headers);
	}

	private Map<String, Object> headers(TcpSession session, int extra) {
		Map<String, Object> headers = new HashMap<>(2 * (9 + extra + this.listenerHeaders.size()));
		headers.put(IpHeaders.HOSTNAME, session.getHostName());
		headers.put(IpHeaders.IP_ADDRESS, session.getHostAddress());
		headers.put(IpHeaders.REMOTE_PORT, session.getPort());
		headers.put(IpHeaders.CONNECTION_ID, session.getConnectionId());
		headers.put(IpHeaders.LOCAL_ADDRESS, session.localAddress());
		headers.put(ConversationHeaders.SESSION, session.session());
		headers.putAll(this.listenerHeaders);
		return headers;
	}

}
