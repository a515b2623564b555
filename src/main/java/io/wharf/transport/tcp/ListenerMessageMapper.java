package io.wharf.transport.tcp;

import java.util.HashMap;
import java.util.Map;

import org.jspecify.annotations.Nullable;

import org.springframework.integration.ip.IpHeaders;
import org.springframework.integration.ip.tcp.connection.SocketInfo;
import org.springframework.integration.ip.tcp.connection.TcpConnection;
import org.springframework.integration.ip.tcp.connection.TcpMessageMapper;
import org.springframework.messaging.Message;
import org.springframework.messaging.support.GenericMessage;

/**
 * Spring Integration's TCP message mapper, adding a listener's own headers as each
 * message is built, and passing reply payloads (bytes or a reply object) through to the
 * connection.
 * <p>
 * Builds each inbound message's headers in one map (the same standard headers as Spring
 * Integration's mapper, then the listener's): the inherited builder copies them three
 * times, the largest single cost per message under pipelined load. Sequence and
 * content-type headers, which Wharf never switches on, are not supported.
 */
final class ListenerMessageMapper extends TcpMessageMapper {

	private final Map<String, Object> headers;

	ListenerMessageMapper(Map<String, Object> headers) {
		this.headers = headers;
		setStringToBytes(false);
	}

	@Override
	public @Nullable Message<?> toMessage(TcpConnection connection, @Nullable Map<String, Object> extra) {
		Object payload = connection.getPayload();
		if (payload == null) {
			return null;
		}
		Map<String, Object> map = new HashMap<>(32);
		map.put(IpHeaders.HOSTNAME, connection.getHostName());
		map.put(IpHeaders.IP_ADDRESS, connection.getHostAddress());
		map.put(IpHeaders.REMOTE_PORT, connection.getPort());
		map.put(IpHeaders.CONNECTION_ID, connection.getConnectionId());
		SocketInfo socket = connection.getSocketInfo();
		if (socket != null) {
			map.put(IpHeaders.LOCAL_ADDRESS, socket.getLocalAddress());
		}
		this.headers.forEach(map::putIfAbsent);
		if (extra != null) {
			extra.forEach(map::putIfAbsent);
		}
		return new GenericMessage<>(payload, map);
	}

	Map<String, Object> headers() {
		return this.headers;
	}

}
