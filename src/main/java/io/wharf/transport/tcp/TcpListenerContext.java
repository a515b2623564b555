package io.wharf.transport.tcp;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Map;

import io.wharf.observe.ListenerMetrics;
import io.wharf.system.ConversationEvent;
import io.wharf.system.ConversationHeaders;
import io.wharf.system.ServiceKind;
import io.wharf.transport.ListenerProperties;
import io.wharf.transport.OpenSession;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.slf4j.MDC;

import org.springframework.context.Lifecycle;
import org.springframework.integration.ip.IpHeaders;
import org.springframework.integration.ip.tcp.connection.TcpConnection;
import org.springframework.integration.ip.tcp.connection.TcpConnectionSupport;
import org.springframework.integration.ip.tcp.connection.TcpListener;
import org.springframework.integration.support.MessageBuilder;
import org.springframework.messaging.Message;

/**
 * What every connection of one TCP listener shares, whatever the transport:
 * configuration, framing, and the outcomes (log lines, error lines, events) of bad frames
 * and idle clients.
 *
 * @param name the listener name
 * @param properties the listener configuration
 * @param codec the listener's framing
 * @param metrics the listener's meters
 * @param throttle holds back repeated WARN lines
 * @param sessions the open sessions by connection id
 */
record TcpListenerContext(String name, ListenerProperties properties, FrameCodec codec, ListenerMetrics metrics,
		LogThrottle throttle, Map<String, OpenSession> sessions) {

	TcpListenerContext(String name, ListenerProperties properties, FrameCodec codec, ListenerMetrics metrics) {
		this(name, properties, codec, metrics, new LogThrottle(), new java.util.concurrent.ConcurrentHashMap<>());
	}

	/**
	 * Whether a new connection fits under max-connections; logs and counts it when it
	 * does not.
	 * @param remote the client's address, for the log line
	 * @return true to accept it
	 */
	boolean admit(Object remote) {
		if (this.metrics.activeConnections() < this.properties.maxConnections()) {
			return true;
		}
		this.metrics.connectionRejected();
		long heldBack = this.throttle.admit("rejected");
		if (heldBack >= 0) {
			logger.warn("Listener '{}' refused a connection from {}: {} connections are open, the limit; raise {}{}",
					this.name, remote, this.properties.maxConnections(), property("max-connections"),
					(heldBack > 0) ? " (" + heldBack + " more refused in the last 10 s)" : "");
		}
		return false;
	}

	void sessionOpened(TcpConnection connection, OpenSession session) {
		this.sessions.put(connection.getConnectionId(), session);
	}

	private static final Logger logger = LoggerFactory.getLogger(TcpListenerContext.class);

	/**
	 * Whether a client of this listener can read a one-line error: text framings and the
	 * greeting, whose clients print what they receive.
	 * @return true to send error lines before closing
	 */
	boolean errorsAsText() {
		return this.codec.carriesText() || this.properties.requiredService() == ServiceKind.GREETING;
	}

	Duration idleTimeout() {
		return this.properties.idleTimeout();
	}

	String property(String suffix) {
		return "wharf.listeners." + this.name + "." + suffix;
	}

	/**
	 * Logs a rejected frame and says what to send the client.
	 * @param connection the connection
	 * @param frame the error
	 * @return the error line, or {@code null} when the framing carries no text
	 */
	byte @org.jspecify.annotations.Nullable [] rejected(TcpConnection connection, FrameException frame) {
		String advice = (frame.kind() == FrameException.Kind.TOO_LARGE)
				? "if such frames are legitimate, raise " + property("framing.max-frame-size")
				: "check that the client's framing matches " + property("framing");
		this.metrics.error(frame.errorType());
		long heldBack = this.throttle.admit(frame.errorType());
		inSession(connection, () -> {
			if (heldBack >= 0) {
				logger.warn("Listener '{}' closed connection {}: {}; {}{}", this.name, connection.getConnectionId(),
						frame.getMessage(), advice, (heldBack > 0) ? " (" + heldBack + " more like it in the last "
								+ "10 s were logged at DEBUG; wharf_errors_total counts all)" : "");
			}
			else {
				logger.debug("Listener '{}' closed connection {}: {}", this.name, connection.getConnectionId(),
						frame.getMessage());
			}
		});
		return errorsAsText()
				? ("ERROR " + frame.getMessage() + "; closing the connection\n").getBytes(StandardCharsets.US_ASCII)
				: null;
	}

	/**
	 * Logs an idle connection and builds the event its service hears before the close.
	 * @param connection the connection
	 * @return the idle event
	 */
	Message<byte[]> idle(TcpConnectionSupport connection) {
		inSession(connection, () -> logger.info("Listener '{}' closing connection {}: nothing received for {} ({})",
				this.name, connection.getConnectionId(), idleTimeout(), property("idle-timeout")));
		return event(connection, ConversationEvent.IDLE).setHeader(ConversationHeaders.IDLE_TIMEOUT, idleTimeout())
			.build();
	}

	private Message<byte[]> closed(TcpConnectionSupport connection, CloseReason reason) {
		return event(connection, ConversationEvent.CLOSED).setHeader(ConversationHeaders.CLOSE_REASON, reason.tag())
			.build();
	}

	Message<byte[]> opened(TcpConnectionSupport connection) {
		return event(connection, ConversationEvent.OPENED).build();
	}

	void clientGone(TcpConnection connection, Object why) {
		inSession(connection, () -> logger.debug("Listener '{}' connection {} ended by the client: {}", this.name,
				connection.getConnectionId(), why));
	}

	void unexpected(TcpConnection connection, Throwable error) {
		long heldBack = this.throttle.admit("unexpected");
		inSession(connection, () -> {
			if (heldBack >= 0) {
				logger.warn("Listener '{}' closing connection {} after an unexpected error: {}{}", this.name,
						connection.getConnectionId(), error.toString(),
						(heldBack > 0) ? " (" + heldBack + " more in the last 10 s were logged at DEBUG)" : "");
			}
			else {
				logger.debug("Listener '{}' closing connection {} after an unexpected error: {}", this.name,
						connection.getConnectionId(), error.toString());
			}
		});
	}

	/**
	 * Ends a session, once per connection: counts it, logs one INFO line with what a
	 * person asks first about a connection that went away, and tells its service, unless
	 * the listener itself is stopping.
	 * @param connection the connection
	 * @param reason why it closed
	 * @param counts what it received and sent
	 */
	void sessionEnded(TcpConnectionSupport connection, CloseReason reason, SessionCounts counts) {
		long openNanos = counts.openNanos();
		this.sessions.remove(connection.getConnectionId());
		this.metrics.connectionClosed(reason.tag(), openNanos);
		inSession(connection,
				() -> logger.info("Listener '{}' session {} from {}:{} closed ({}) after {} ms: {}", this.name,
						connection.getConnectionId(), connection.getHostAddress(), connection.getPort(), reason.tag(),
						openNanos / 1_000_000, counts));
		if (!(connection.getListener() instanceof Lifecycle adapter) || adapter.isRunning()) {
			deliver(connection, closed(connection, reason));
		}
	}

	/**
	 * Hands a message to the inbound adapter reading the connection.
	 * @param connection the connection
	 * @param message a decoded frame or a conversation event
	 */
	void deliver(TcpConnectionSupport connection, Message<?> message) {
		TcpListener target = connection.getListener();
		if (target != null) {
			target.onMessage(message);
		}
	}

	/** Runs a log statement with the connection id and listener in the MDC. */
	private void inSession(TcpConnection connection, Runnable log) {
		try (MDC.MDCCloseable id = MDC.putCloseable("connectionId", connection.getConnectionId());
				MDC.MDCCloseable listener = MDC.putCloseable("listener", this.name)) {
			log.run();
		}
	}

	private static MessageBuilder<byte[]> event(TcpConnectionSupport connection, ConversationEvent event) {
		Map<String, Object> headers = ((ListenerMessageMapper) connection.getMapper()).headers();
		return MessageBuilder.withPayload(new byte[0])
			.copyHeaders(headers)
			.setHeader(IpHeaders.CONNECTION_ID, connection.getConnectionId())
			.setHeader(IpHeaders.IP_ADDRESS, connection.getHostAddress())
			.setHeader(IpHeaders.REMOTE_PORT, connection.getPort())
			.setHeader(ConversationHeaders.EVENT, event);
	}

}
