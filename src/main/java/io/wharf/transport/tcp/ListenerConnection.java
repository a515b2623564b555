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

import io.wharf.system.Reply;
import io.wharf.transport.OpenSession;
import org.jspecify.annotations.Nullable;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.integration.ip.tcp.connection.TcpNetConnection;
import org.springframework.integration.ip.tcp.serializer.SoftEndOfStreamException;
import org.springframework.messaging.Message;

/**
 * One accepted TCP connection of a listener, read by its own thread. Adds what Spring
 * Integration's connection lacks: buffered reads, a fixed-size write buffer, a first
 * message before the first read, and a defined outcome (reply, log line, graceful close)
 * for idle clients, bad frames and vanished clients.
 */
class ListenerConnection extends TcpNetConnection implements OpenSession {

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

	private final SessionCounts counts = new SessionCounts();

	private final java.util.concurrent.atomic.AtomicBoolean counted = new java.util.concurrent.atomic.AtomicBoolean();

	/** When the message being answered was decoded; 0 when none is. */
	private long decodedAt;

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
			in = new BufferedInputStream(CountingStreams.counting(this.socket.getInputStream(), (bytes) -> {
				this.listener.metrics().bytesReceived(bytes);
				this.counts.bytesIn(bytes);
			}), BUFFER_SIZE);
			this.input = in;
		}
		return in;
	}

	@Override
	public @Nullable Object getPayload() {
		Object payload = super.getPayload();
		this.listener.metrics().messageReceived();
		this.counts.received(1);
		this.decodedAt = System.nanoTime();
		return payload;
	}

	@Override
	public java.util.Map<String, Object> describe() {
		return this.counts.describe(getConnectionId(), getHostAddress() + ":" + getPort());
	}

	@Override
	public void closeByOperator() {
		// Not the reader thread: a plain close; the reader sees it and ends.
		closeWith(CloseReason.REJECTED);
	}

	@Override
	public void run() {
		if (!this.listener.admit(getHostAddress() + ":" + getPort())) {
			this.counted.set(true);
			closeWith(CloseReason.REJECTED);
			return;
		}
		this.listener.sessionOpened(this, this);
		this.listener.metrics().connectionOpened();
		try {
			deliver(this.listener.opened(this));
		}
		catch (RuntimeException ex) {
			this.listener.unexpected(this, ex);
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
		boolean written = write(reply.frames());
		if (this.decodedAt != 0) {
			this.listener.metrics().processed(System.nanoTime() - this.decodedAt);
			this.decodedAt = 0;
		}
		if (written && reply.close()) {
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
				out = new BufferedOutputStream(CountingStreams.counting(this.socket.getOutputStream(), (bytes) -> {
					this.listener.metrics().bytesSent(bytes);
					this.counts.bytesOut(bytes);
				}), BUFFER_SIZE);
				this.output = out;
			}
			for (byte[] frame : frames) {
				this.listener.codec().encode(frame, out);
			}
			out.flush();
			this.listener.metrics().messagesSent(frames.size());
			this.counts.sent(frames.size());
			return true;
		}
		catch (IOException ex) {
			if (!this.closing) {
				this.listener.clientGone(this, ex);
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
			this.listener.clientGone(this, cause.getMessage());
			closeWith(CloseReason.CLIENT_CLOSED);
		}
		else {
			this.listener.unexpected(this, cause);
			closeWith(CloseReason.ERROR);
		}
		return true;
	}

	private void rejectFrame(FrameException frame) {
		byte[] errorLine = this.listener.rejected(this, frame);
		if (errorLine != null) {
			write(List.of(errorLine));
		}
		closeGracefully(CloseReason.FRAME_ERROR);
	}

	private void expire() {
		this.closeReason = CloseReason.IDLE_TIMEOUT;
		try {
			deliver(this.listener.idle(this));
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

	@Override
	public void close() {
		recordReason(CloseReason.SHUTDOWN);
		super.close();
		if (!this.counted.getAndSet(true)) {
			this.listener.sessionEnded(this, this.closeReason, this.counts);
		}
	}

	private void recordReason(CloseReason reason) {
		if (this.closeReason == null) {
			this.closeReason = reason;
		}
	}

	private void deliver(Message<?> message) {
		this.listener.deliver(this, message);
	}

}
