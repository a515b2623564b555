package io.wharf.transport.tcp;

import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;

import io.netty.buffer.ByteBuf;
import io.netty.channel.socket.SocketChannel;
import io.wharf.api.CloseReason;
import io.wharf.api.Reply;
import io.wharf.conversation.ConversationEvent;
import io.wharf.conversation.ConversationHeaders;
import io.wharf.conversation.SessionChannel;
import io.wharf.conversation.SessionHandle;
import io.wharf.transport.OpenSession;
import io.wharf.transport.tcp.connection.Overseen;
import io.wharf.transport.tcp.connection.SessionCounts;
import io.wharf.transport.tcp.connection.SessionDrain;
import org.jspecify.annotations.Nullable;

import org.springframework.context.Lifecycle;
import org.springframework.core.NestedExceptionUtils;
import org.springframework.integration.ip.tcp.connection.TcpListener;
import org.springframework.messaging.Message;

/**
 * One TCP connection, behind Spring Integration's connection contract: its frames go to
 * the listener's inbound adapter as messages, the replies come back through
 * {@link #send}, and it publishes the usual connection events. Everything runs on the
 * channel's event loop; replies written while a read is processed are flushed once, when
 * the read completes.
 */
final class TcpSession extends ConnectionContract implements OpenSession, SessionChannel, Overseen {

	private final ListenerContext listener;

	final SessionCounts counts;

	private final SessionHandle handle;

	private boolean reading;

	private boolean flushPending;

	private final SessionDrain drain = new SessionDrain();

	TcpSession(SocketChannel channel, NettyConnectionFactory factory, ListenerContext listener, SessionCounts counts,
			long number, InetSocketAddress client) {
		super(channel, factory, number, client, listener.tls());
		this.listener = listener;
		this.counts = counts;
		this.handle = new SessionHandle(getConnectionId(), listener.name(), remoteAddress(), this);
	}

	@Override
	public SessionHandle session() {
		return this.handle;
	}

	@Override
	public Map<String, Object> describe() {
		Map<String, Object> session = this.counts.describe(getConnectionId(), getHostAddress() + ":" + getPort());
		String state = this.handle.describeState();
		if (state != null) {
			session.put("state", state);
		}
		if (tls() != null) {
			session.put("tls", tls().describe());
		}
		return session;
	}

	@Override
	public void closeByOperator() {
		this.channel.eventLoop().execute(() -> this.close.gracefully(CloseReason.REJECTED));
	}

	void opened() {
		this.listener.sessions().opened(getConnectionId(), this);
		this.listener.metrics().connections().opened();
		publishConnectionOpenEvent();
		deliver(this.listener.messages().event(this, ConversationEvent.OPENED, null, null));
		readComplete();
		if (this.listener.sessions().draining()) {
			drain();
		}
	}

	/**
	 * The server is shutting down: the service's last words and a graceful close, at
	 * once, or for a session in the middle of a frame once that frame is answered.
	 */
	void drain() {
		this.drain.begin();
		if (this.drain.lastWordsDue(this.close.closing(), this.counts.midFrame())) {
			lastWords(CloseReason.SHUTDOWN, ConversationEvent.DRAINING, null, null);
		}
	}

	void received(byte[] frame) {
		if (this.close.closing()) {
			return;
		}
		this.reading = true;
		this.drain.frameRead();
		this.counts.received();
		long start = System.nanoTime();
		deliver(this.listener.messages().frame(this, frame));
		this.listener.metrics().processed(System.nanoTime() - start);
	}

	/** Flushes what the services answered while the read batch was processed. */
	void readComplete() {
		this.reading = false;
		this.counts.meter();
		if (this.flushPending) {
			this.flushPending = false;
			this.channel.flush();
		}
		if (this.drain.draining()) {
			drain();
		}
	}

	/** Writes a service's answer: a {@link Reply} or the bytes of one message. */
	@Override
	public void send(Message<?> message) {
		if (!this.channel.eventLoop().inEventLoop()) {
			this.channel.eventLoop().execute(() -> send(message));
			return;
		}
		Reply reply = Reply.from(message.getPayload());
		write(reply.frames());
		if (reply.close()) {
			closeGracefully(CloseReason.EXIT);
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
	public void closeLater() {
		this.channel.eventLoop().execute(() -> closeGracefully(CloseReason.EXIT));
	}

	@Override
	public void write(List<byte[]> frames) {
		if (this.close.closing() || frames.isEmpty()) {
			return;
		}
		long bytes = 0;
		for (byte[] frame : frames) {
			// A pooled direct buffer, as the socket writes it: a wrapped array would be
			// copied into one at write time anyway, after an object of its own.
			ByteBuf buffer = this.channel.alloc().directBuffer(frame.length).writeBytes(frame);
			this.channel.write(buffer, this.channel.voidPromise());
			bytes += this.listener.framing().framedSize(frame);
		}
		this.counts.sent(frames.size(), bytes);
		this.flushPending = true;
		if (!this.reading) {
			readComplete();
		}
	}

	/**
	 * Nothing was read for the idle timeout: the service's last words, then the close.
	 */
	@Override
	public void expire() {
		Duration timeout = this.listener.deadlines().idleTimeout();
		this.listener.log().idle(this, timeout);
		lastWords(CloseReason.IDLE_TIMEOUT, ConversationEvent.IDLE, ConversationHeaders.IDLE_TIMEOUT, timeout);
		readComplete();
	}

	/** Tells the service why the session ends, so it can say goodbye, then closes. */
	private void lastWords(CloseReason reason, ConversationEvent event, @Nullable String header,
			@Nullable Object value) {
		this.close.record(reason);
		deliver(this.listener.messages().event(this, event, header, value));
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
	public SessionCounts counts() {
		return this.counts;
	}

	ListenerContext listener() {
		return this.listener;
	}

	private void closeGracefully(CloseReason reason) {
		if (this.close.gracefully(reason)) {
			this.flushPending = false;
		}
	}

	/** Ends the session once its channel is closed, from whichever side. */
	void closed() {
		this.close.now(CloseReason.CLIENT_CLOSED);
		CloseReason reason = this.close.reason();
		this.counts.meter();
		this.listener.sessions().ended(getConnectionId(), remoteAddress().getAddress());
		this.listener.metrics().connections().closed(reason, this.counts.openNanos());
		this.listener.log().ended(this, reason, this.counts);
		this.factory.closeConnection(getConnectionId());
		if (!(getListener() instanceof Lifecycle adapter) || adapter.isRunning()) {
			deliver(this.listener.messages()
				.event(this, ConversationEvent.CLOSED, ConversationHeaders.CLOSE_REASON, reason));
		}
		closeContract();
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
			// Spring Integration wraps what the service threw; a person wants the
			// service's words.
			this.listener.log().unexpected(this, "its service failed", NestedExceptionUtils.getMostSpecificCause(ex));
			this.close.now(CloseReason.ERROR);
		}
	}

}
