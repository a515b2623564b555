package io.wharf.transport.tcp;

import java.io.BufferedInputStream;
import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.Lock;
import java.util.concurrent.locks.ReentrantLock;

import io.wharf.system.ConversationEvent;
import io.wharf.system.ConversationHeaders;
import io.wharf.system.Reply;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.integration.ip.IpHeaders;
import org.springframework.integration.ip.tcp.connection.TcpListener;
import org.springframework.integration.ip.tcp.connection.TcpNetConnection;
import org.springframework.integration.ip.tcp.serializer.SoftEndOfStreamException;
import org.springframework.integration.support.MessageBuilder;
import org.springframework.messaging.Message;

/**
 * One accepted TCP connection of a listener, read by its own thread. Adds what Spring
 * Integration's connection lacks: buffered reads, a fixed-size write buffer, a first
 * message before the first read, and a defined outcome (reply, log line, graceful close)
 * for idle clients, bad frames and vanished clients.
 */
class ListenerConnection extends TcpNetConnection {

	private static final Logger logger = LoggerFactory.getLogger(ListenerConnection.class);

	private static final int BUFFER_SIZE = 8192;

	/**
	 * How long a closing connection keeps reading, so its last reply is not lost to a
	 * reset.
	 */
	private static final long LINGER_NANOS = TimeUnit.SECONDS.toNanos(2);

	private static final int LINGER_BYTES = 1024 * 1024;

	private final Socket socket;

	private final TcpListenerContext listener;

	private final Lock writeLock = new ReentrantLock();

	private @Nullable InputStream input;

	private @Nullable OutputStream output;

	private volatile boolean closing;

	private volatile @Nullable CloseReason closeReason;

	ListenerConnection(Socket socket, @Nullable ApplicationEventPublisher publisher, @Nullable String factoryName,
			TcpListenerContext listener) {
		super(socket, true, false, publisher, factoryName);
		this.socket = socket;
		this.listener = listener;
	}

	@Override
	protected InputStream inputStream() throws IOException {
		InputStream in = this.input;
		if (in == null) {
			in = new BufferedInputStream(this.socket.getInputStream(), BUFFER_SIZE);
			this.input = in;
		}
		return in;
	}

	@Override
	public void run() {
		try {
			deliver(event(ConversationEvent.OPENED).build());
		}
		catch (RuntimeException ex) {
			logger.warn("Listener '{}' could not open conversation {}: {}", this.listener.name(), describe(),
					ex.toString());
			closeGracefully(CloseReason.ERROR);
			return;
		}
		super.run();
	}

	/**
	 * Writes a service's answer: a {@link Reply} or the bytes of one message.
	 */
	@Override
	public void send(Message<?> message) {
		Object payload = message.getPayload();
		Reply reply = (payload instanceof Reply answer) ? answer : Reply.of(bytes(payload));
		if (write(reply.frames()) && reply.close()) {
			closeGracefully(CloseReason.EXIT);
		}
	}

	private static byte[] bytes(Object payload) {
		return (payload instanceof String text) ? text.getBytes(StandardCharsets.UTF_8) : (byte[]) payload;
	}

	private boolean write(List<byte[]> frames) {
		this.writeLock.lock();
		try {
			OutputStream out = this.output;
			if (out == null) {
				// Fixed size: Spring Integration sizes it from SO_SNDBUF, megabytes on
				// loopback.
				out = new BufferedOutputStream(this.socket.getOutputStream(), BUFFER_SIZE);
				this.output = out;
			}
			for (byte[] frame : frames) {
				this.listener.codec().encode(frame, out);
			}
			out.flush();
			return true;
		}
		catch (IOException ex) {
			if (!this.closing) {
				logger.debug("Listener '{}' could not write to {}, closing: {}", this.listener.name(), describe(),
						ex.toString());
				closeWith(CloseReason.CLIENT_CLOSED);
			}
			return false;
		}
		finally {
			this.writeLock.unlock();
		}
	}

	@Override
	protected boolean handleReadException(Exception exception) {
		Throwable cause = (exception instanceof UncheckedIOException && exception.getCause() != null)
				? exception.getCause() : exception;
		if (this.closing || !isOpen()) {
			close();
		}
		else if (cause instanceof FrameException frame) {
			rejectFrame(frame);
		}
		else if (cause instanceof SocketTimeoutException) {
			expire();
		}
		else if (cause instanceof SoftEndOfStreamException || cause instanceof IOException) {
			logger.debug("Listener '{}' connection {} ended by the client: {}", this.listener.name(), describe(),
					cause.getMessage());
			closeWith(CloseReason.CLIENT_CLOSED);
		}
		else {
			logger.warn("Listener '{}' closing connection {} after an unexpected error: {}", this.listener.name(),
					describe(), cause.toString());
			closeWith(CloseReason.ERROR);
		}
		return true;
	}

	private void rejectFrame(FrameException frame) {
		String advice = (frame.kind() == FrameException.Kind.TOO_LARGE)
				? "if such frames are legitimate, raise " + this.listener.property("framing.max-frame-size")
				: "check that the client's framing matches " + this.listener.property("framing");
		logger.warn("Listener '{}' closed connection {}: {}; {}", this.listener.name(), describe(), frame.getMessage(),
				advice);
		if (this.listener.errorsAsText()) {
			write(List.of(("ERROR " + frame.getMessage() + "; closing the connection\n")
				.getBytes(StandardCharsets.US_ASCII)));
		}
		closeGracefully(CloseReason.FRAME_ERROR);
	}

	private void expire() {
		logger.info("Listener '{}' closing connection {}: nothing received for {} ({})", this.listener.name(),
				describe(), this.listener.idleTimeout(), this.listener.property("idle-timeout"));
		this.closeReason = CloseReason.IDLE_TIMEOUT;
		try {
			deliver(event(ConversationEvent.IDLE)
				.setHeader(ConversationHeaders.IDLE_TIMEOUT, this.listener.idleTimeout())
				.build());
		}
		finally {
			closeGracefully(CloseReason.IDLE_TIMEOUT);
		}
	}

	/**
	 * Sends what is written so far, stops reading and closes; the client sees the end of
	 * stream after the last reply.
	 * @param reason why the connection closes, unless a reason was already recorded
	 */
	void closeGracefully(CloseReason reason) {
		if (this.closing) {
			return;
		}
		this.closing = true;
		recordReason(reason);
		try {
			this.socket.shutdownOutput();
			drainInput();
		}
		catch (IOException ex) {
			// The client is gone already; closing is all that is left.
		}
		finally {
			close();
		}
	}

	/**
	 * Reads and discards what the client still sends, for a short while: closing a socket
	 * with unread input resets the connection, and the reset can destroy the last reply
	 * in flight.
	 */
	private void drainInput() throws IOException {
		this.socket.setSoTimeout((int) TimeUnit.NANOSECONDS.toMillis(LINGER_NANOS));
		InputStream in = this.socket.getInputStream();
		byte[] scratch = new byte[BUFFER_SIZE];
		long deadline = System.nanoTime() + LINGER_NANOS;
		int drained = 0;
		while (drained < LINGER_BYTES && System.nanoTime() < deadline) {
			int read = in.read(scratch);
			if (read < 0) {
				return;
			}
			drained += read;
		}
	}

	private void closeWith(CloseReason reason) {
		this.closing = true;
		recordReason(reason);
		close();
	}

	private void recordReason(CloseReason reason) {
		if (this.closeReason == null) {
			this.closeReason = reason;
		}
	}

	/**
	 * Why the connection closed.
	 * @return the reason, or {@code null} while it is open
	 */
	@Nullable CloseReason closeReason() {
		return this.closeReason;
	}

	private void deliver(Message<?> message) {
		TcpListener target = getListener();
		if (target != null) {
			target.onMessage(message);
		}
	}

	private MessageBuilder<byte[]> event(ConversationEvent event) {
		return MessageBuilder.withPayload(new byte[0])
			.setHeader(IpHeaders.CONNECTION_ID, getConnectionId())
			.setHeader(IpHeaders.IP_ADDRESS, getHostAddress())
			.setHeader(IpHeaders.REMOTE_PORT, getPort())
			.setHeader(ConversationHeaders.EVENT, event);
	}

	private String describe() {
		return getConnectionId();
	}

}
