package io.wharf.transport.tcp;

import java.util.Map;

import org.springframework.integration.ip.tcp.connection.TcpConnection;
import org.springframework.integration.ip.tcp.connection.TcpMessageMapper;

/**
 * Spring Integration's TCP message mapper, adding a listener's own headers as each
 * message is built, and passing reply payloads (bytes or a reply object) through to the
 * connection.
 */
final class ListenerMessageMapper extends TcpMessageMapper {

	private final Map<String, Object> headers;

	ListenerMessageMapper(Map<String, Object> headers) {
		this.headers = headers;
		setStringToBytes(false);
	}

	@Override
	protected Map<String, ?> supplyCustomHeaders(TcpConnection connection) {
		return this.headers;
	}

	Map<String, Object> headers() {
		return this.headers;
	}

}
