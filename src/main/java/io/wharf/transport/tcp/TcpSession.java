package io.wharf.transport.tcp;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import io.micrometer.observation.Observation;
import io.netty.buffer.ByteBuf;
import io.netty.channel.socket.SocketChannel;
import io.netty.handler.codec.DecoderException;
import io.wharf.api.CloseReason;
import io.wharf.api.Reply;
import io.wharf.conversation.ConversationEvent;
import io.wharf.conversation.ConversationHeaders;
import io.wharf.conversation.Replies;
import io.wharf.conversation.ServiceAdapter;
import io.wharf.conversation.SessionChannel;
import io.wharf.conversation.SessionHandle;
import io.wharf.conversation.SessionObserver;
import io.wharf.observe.tracing.ListenerTraces;
import io.wharf.observe.tracing.MessageTrace;
import io.wharf.transport.tcp.connection.ConnectionCounts;
import io.wharf.transport.tcp.connection.ConnectionDrain;
import io.wharf.transport.tcp.connection.SweptConnection;
import io.wharf.transport.tcp.framing.FrameException;
import org.jspecify.annotations.Nullable;

import org.springframework.context.Lifecycle;
import org.springframework.integration.ip.tcp.connection.TcpListener;
import org.springframework.messaging.Message;

/**
 * One open TCP session, behind Spring Integration's connection contract: it decides what
 * each thing its handler reports means (a frame, the end of a read, a failure, the
 * client's half-close), sends its frames to the listener's inbound adapter as messages,
 * writes the replies that come back through {@link #send}, and publishes the usual
 * connection events. Everything runs on the channel's event loop; replies written while a
 * read is processed are flushed once, when the read completes.
 */
final class TcpSession extends ConnectionContract implements SessionChannel, SweptConnection {

	private final ListenerContext listener;

	private final ConnectionCounts counts;

	private final SessionHandle handle;

	/** The session's observation while it is open, when the listener's are traced. */
	private @Nullable Observation trace;

	/** Made when the server begins draining: most sessions never see one. */
	private @Nullable ConnectionDrain drain;

	private boolean reading;

	private boolean flushPending;

	/**
	 * Whether the service kept the session open when it went idle; read once per idle.
	 */
	private boolean keptOpen;

	/**
	 * Whether the service is told the session went idle: a close it answers is idle's.
	 */
	private boolean idling;

	TcpSession(SocketChannel channel, NettyConnectionFactory factory, ListenerContext listener, ConnectionCounts counts,
			InetSocketAddress client) {
		super(channel, factory, listener.ids().next(channel.localAddress().getPort()), client, listener.tls());
		this.listener = listener;
		this.counts = counts;
		this.handle = new SessionHandle(this);
	}

	@Override
	public String id() {
		return getConnectionId();
	}

	@Override
	public String listener() {
		return this.listener.name();
	}

	@Override
	public SessionObserver observer() {
		return this.listener.observer();
	}

	SessionHandle session() {
		return this.handle;
	}

	@Override
	public Map<String, Object> describe() {
		Map<String, Object> session = this.counts.describe(getConnectionId(), getHostAddress() + ":" + getPort());
		if (tls() != null) {
			session.put("tls", tls().describe());
		}
		return session;
	}

	/** The session opened: the service may speak first. */
	void opened() {
		this.listener.metrics().connections().opened();
		ListenerTraces traces = this.listener.metrics().traces();
		if (traces != null) {
			this.trace = traces.sessionOpened(getConnectionId(), this.handle.remoteAddress());
		}
		publishConnectionOpenEvent();
		deliver(this.listener.messages().event(this, this.handle, ConversationEvent.OPENED, null, null), "opened");
		flush();
	}

	@Override
	public Observation.Scope traceScope() {
		Observation session = this.trace;
		ListenerTraces traces = this.listener.metrics().traces();
		return (session != null && traces != null) ? traces.logScope(session) : Observation.Scope.NOOP;
	}

	/**
	 * The server is shutting down: the service's last words and a graceful close, at
	 * once, or for a session in the middle of a frame once that frame is answered.
	 */
	void drain() {
		ConnectionDrain drain = this.drain;
		if (drain == null) {
			drain = new ConnectionDrain();
			this.drain = drain;
		}
		if (drain.lastWordsDue(this.close.closing(), this.counts.midFrame())) {
			lastWords(CloseReason.SHUTDOWN, ConversationEvent.DRAINING, null, null);
		}
	}

	void received(byte[] frame) {
		if (this.close.closing()) {
			this.counts.dropped(frame.length);
			return;
		}
		this.reading = true;
		if (this.drain != null) {
			this.drain.frameRead();
		}
		this.counts.received();
		this.handle.tapped(true, frame);
		long start = System.nanoTime();
		// In the message's trace, so that a sampled one is the latency histogram's
		// exemplar.
		try (MessageTrace trace = traced("frame", frame.length)) {
			deliver(this.listener.messages().frame(this, this.handle, frame));
			this.listener.metrics().processed(System.nanoTime() - start);
		}
	}

	/**
	 * A message's trace, in scope until closed, when the listener's are traced.
	 * @param kind what the message is
	 * @param bytes its size
	 * @return the trace, or null when tracing is off
	 */
	private @Nullable MessageTrace traced(String kind, int bytes) {
		ListenerTraces traces = this.listener.metrics().traces();
		return (traces != null) ? traces.message(kind, this.trace, this.handle.remoteAddress(), bytes) : null;
	}

	/**
	 * A read batch ended.
	 * @param heldBytes the bytes of an incomplete frame the decoder holds, which the
	 * frame timeout bounds
	 */
	void readComplete(int heldBytes) {
		this.counts.frameProgress(heldBytes);
		flush();
	}

	/**
	 * A client that does not read its replies stops being read: nothing is buffered
	 * without bound.
	 * @param writable whether the output buffer has room again
	 */
	void writability(boolean writable) {
		this.channel.config().setAutoRead(writable);
		this.counts.writability(writable);
	}

	/** The client shut down its output: answer what it sent, then close. */
	void inputEnded() {
		this.close.inputEnded();
	}

	/**
	 * Something failed below: a frame the framing refuses closes the session with a word
	 * to the client; a broken connection closes quietly; anything else is logged.
	 * @param cause what failed
	 */
	void failed(Throwable cause) {
		FrameException frame = this.listener.framing().frameError(cause);
		if (frame != null) {
			if (!this.close.closing()) {
				this.listener.metrics().error(frame.errorType());
				this.listener.log().frameRejected(this, frame);
				sayAndClose("ERROR " + frame.getMessage() + "; closing the connection\n", CloseReason.FRAME_ERROR);
			}
			flush();
			return;
		}
		Throwable error = (cause instanceof DecoderException && cause.getCause() != null) ? cause.getCause() : cause;
		if (error instanceof IOException) {
			this.listener.log().clientGone(this, error.getMessage());
			this.close.now(CloseReason.CLIENT_CLOSED);
		}
		else {
			this.listener.log().unexpected(this, "an unexpected error", error);
			this.close.now(CloseReason.ERROR);
		}
	}

	/** Flushes what the services answered while the read batch was processed. */
	private void flush() {
		this.reading = false;
		this.counts.meter();
		if (this.flushPending) {
			this.flushPending = false;
			this.channel.flush();
		}
		if (this.drain != null) {
			drain();
		}
	}

	/**
	 * Writes a reply from a Spring Integration flow, read the one way every transport
	 * reads replies.
	 */
	@Override
	public void send(Message<?> message) {
		if (!this.channel.eventLoop().inEventLoop()) {
			this.channel.eventLoop().execute(() -> send(message));
			return;
		}
		Reply reply = Replies.of(message.getPayload());
		answer(reply.frames(), reply.close(),
				Boolean.TRUE.equals(message.getHeaders().get(ConversationHeaders.KEEP_OPEN)));
	}

	@Override
	public void answer(List<byte[]> frames, boolean close, boolean keepOpen) {
		if (keepOpen) {
			this.keptOpen = true;
		}
		write(frames);
		if (close) {
			closeGracefully(this.idling ? CloseReason.IDLE_TIMEOUT : CloseReason.EXIT);
		}
	}

	@Override
	public long writableBytes() {
		return this.channel.isWritable() ? this.channel.bytesBeforeUnwritable() : 0;
	}

	@Override
	public void execute(Runnable task) {
		this.channel.eventLoop().execute(task);
	}

	@Override
	public void close(CloseReason reason) {
		this.channel.eventLoop().execute(() -> closeGracefully(reason));
	}

	@Override
	public void write(List<byte[]> frames) {
		if (this.close.closing() || frames.isEmpty()) {
			return;
		}
		int bytes = 0;
		for (byte[] frame : frames) {
			this.handle.tapped(false, frame);
			ByteBuf framed;
			try {
				framed = this.listener.framing().frame(this.channel.alloc(), frame);
			}
			catch (IllegalArgumentException ex) {
				// A reply the framing cannot carry (longer than the length header holds).
				failed(ex);
				return;
			}
			bytes += framed.readableBytes();
			this.channel.write(framed, this.channel.voidPromise());
		}
		this.counts.sent(frames.size(), bytes);
		this.flushPending = true;
		if (!this.reading) {
			flush();
		}
	}

	/**
	 * Nothing was read for the idle timeout: the service's last words, then the close,
	 * unless the service keeps the session, when the timeout starts again.
	 */
	@Override
	public void expire() {
		Duration timeout = this.listener.deadlines().idleTimeout();
		this.keptOpen = false;
		this.idling = true;
		deliver(this.listener.messages()
			.event(this, this.handle, ConversationEvent.IDLE, ConversationHeaders.IDLE_TIMEOUT, timeout), "idle");
		this.idling = false;
		if (this.keptOpen) {
			this.counts.restartIdle();
		}
		else {
			this.listener.log().idle(this, timeout);
			this.close.record(CloseReason.IDLE_TIMEOUT);
			closeGracefully(CloseReason.IDLE_TIMEOUT);
		}
		flush();
	}

	/** Tells the service why the session ends, so it can say goodbye, then closes. */
	private void lastWords(CloseReason reason, ConversationEvent event, @Nullable String header,
			@Nullable Object value) {
		this.close.record(reason);
		deliver(this.listener.messages().event(this, this.handle, event, header, value),
				event.name().toLowerCase(Locale.ROOT));
		closeGracefully(reason);
	}

	@Override
	public void sayAndClose(String line, CloseReason reason) {
		if (this.listener.framing().carriesText()) {
			write(List.of(line.getBytes(StandardCharsets.US_ASCII)));
		}
		closeGracefully(reason);
	}

	@Override
	public ConnectionCounts counts() {
		return this.counts;
	}

	private void closeGracefully(CloseReason reason) {
		if (this.close.gracefully(reason)) {
			this.counts.stopReading();
			this.flushPending = false;
		}
	}

	/** Ends the session once its channel is closed, from whichever side. */
	void closed() {
		this.handle.tapClosed();
		this.close.now(CloseReason.CLIENT_CLOSED);
		CloseReason reason = this.close.reason();
		this.counts.meter();
		this.listener.metrics().connections().closed(reason, this.counts.openNanos());
		this.listener.log().ended(this, reason, this.counts);
		this.factory.closeConnection(getConnectionId());
		if (!(getListener() instanceof Lifecycle adapter) || adapter.isRunning()) {
			deliver(this.listener.messages()
				.event(this, this.handle, ConversationEvent.CLOSED, ConversationHeaders.CLOSE_REASON, reason),
					"closed");
		}
		Observation session = this.trace;
		if (session != null) {
			this.trace = null;
			ListenerTraces.sessionClosed(session, reason.tag(), this.counts.totals());
		}
		closeContract();
	}

	/**
	 * Hands a session's moment to the inbound adapter, in a trace of its own when the
	 * listener's are traced.
	 */
	private void deliver(Message<?> message, String kind) {
		try (MessageTrace trace = traced(kind, 0)) {
			deliver(message);
		}
	}

	/**
	 * Hands a message to the inbound adapter; a failing service closes this session only.
	 */
	private void deliver(Message<?> message) {
		TcpListener target = getListener();
		try {
			if (target != null) {
				target.onMessage(message);
			}
		}
		catch (RuntimeException ex) {
			this.listener.metrics().error("handler");
			Throwable thrown = ServiceAdapter.thrown(ex);
			ListenerTraces traces = this.listener.metrics().traces();
			if (traces != null) {
				traces.failed(thrown);
			}
			this.listener.log().serviceFailed(this, thrown);
			this.close.now(CloseReason.ERROR);
		}
	}

}
