package io.wharf.transport.tcp;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.integration.ip.IpHeaders;
import org.springframework.integration.ip.tcp.connection.TcpConnection;
import org.springframework.integration.ip.tcp.connection.TcpSender;
import org.springframework.messaging.Message;
import org.springframework.messaging.MessageHandler;

/**
 * Writes service replies to the connection named by their {@code ip_connectionId} header;
 * a reply for a connection that closed meanwhile is dropped.
 */
class TcpReplySender implements MessageHandler, TcpSender {

	private static final Logger logger = LoggerFactory.getLogger(TcpReplySender.class);

	private final Map<String, TcpConnection> connections = new ConcurrentHashMap<>();

	@Override
	public void addNewConnection(TcpConnection connection) {
		this.connections.put(connection.getConnectionId(), connection);
	}

	@Override
	public void removeDeadConnection(TcpConnection connection) {
		this.connections.remove(connection.getConnectionId());
	}

	@Override
	public void handleMessage(Message<?> message) {
		String connectionId = message.getHeaders().get(IpHeaders.CONNECTION_ID, String.class);
		TcpConnection connection = (connectionId != null) ? this.connections.get(connectionId) : null;
		if (connection == null) {
			logger.debug("Reply dropped: connection {} is closed", connectionId);
			return;
		}
		connection.send(message);
	}

}
