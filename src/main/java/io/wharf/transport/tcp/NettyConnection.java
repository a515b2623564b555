package io.wharf.transport.tcp;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.TimeUnit;

import io.netty.buffer.ByteBuf;
import io.netty.buffer.ByteBufOutputStream;
import io.netty.buffer.Unpooled;
import io.netty.channel.ChannelFutureListener;
import io.netty.channel.socket.SocketChannel;
import io.wharf.observe.ListenerMetrics;
import io.wharf.system.Reply;
import io.wharf.transport.OpenSession;
import org.jspecify.annotations.Nullable;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.integration.ip.tcp.connection.TcpConnectionSupport;
import org.springframework.messaging.Message;

/**
 * A TCP connection served by a Netty event loop, behind Spring Integration's connection
 * contract: the inbound adapter receives its messages, the reply sender writes to it, and
 * it publishes the usual connection events. Everything runs on the channel's event loop;
 * replies written while a read is being processed are flushed once, when the read
 * completes.
 */
final class NettyConnection extends TcpConnectionSupport implements OpenSession {

	/**
	 * How long a closing connection keeps reading, so its last reply is not lost to a
	 * reset.
	 */
	private static final long LINGER_MILLIS = 2000;

	private final SocketChannel channel;

	private final TcpListenerContext listener;

	private final String connectionId;

	private final String hostAddress;

	private final int port;

	private final String factoryName;

	private byte @Nullable [] payload;

	private boolean reading;

	private boolean flushPending;

	private boolean closing;

	private @Nullable CloseReason closeReason;

	private final SessionCounts counts = new SessionCounts();

	private boolean counted;

	/**
	 * Counts of the current read batch, added to the meters once when the batch
	 * completes.
	 */
	private int receivedInBatch;

	private int sentInBatch;

	private long bytesSentInBatch;

	NettyConnection(SocketChannel channel, TcpListenerContext listener, @Nullable ApplicationEventPublisher publisher,
			String factoryName) {
		super(publisher);
		this.channel = channel;
		this.listener = listener;
		InetSocketAddress remote = channel.remoteAddress();
		this.hostAddress = remote.getAddress().getHostAddress();
		this.port = remote.getPort();
		this.connectionId = this.hostAddress + ":" + this.port + ":" + channel.localAddress().getPort() + ":"
				+ UUID.randomUUID();
		this.factoryName = factoryName;
	}

	@Override
	public String getConnectionFactoryName() {
		return this.factoryName;
	}

	@Override
	public String getConnectionId() {
		return this.connectionId;
	}

	@Override
	public String getHostAddress() {
		return this.hostAddress;
	}

	@Override
	public String getHostName() {
		return this.hostAddress;
	}

	@Override
	public int getPort() {
		return this.port;
	}

	@Override
	public boolean isOpen() {
		return this.channel.isActive();
	}

	@Override
	public boolean isServer() {
		return true;
	}

	@Override
	public @Nullable Object getPayload() {
		return this.payload;
	}

	@Override
	public @Nullable Object getDeserializerStateKey() {
		return null;
	}

	@Override
	public javax.net.ssl.@Nullable SSLSession getSslSession() {
		return null;
	}

	@Override
	public void run() {
		// Netty reads; there is no reader thread to run.
	}

	@Override
	public java.util.Map<String, Object> describe() {
		java.util.Map<String, Object> session = this.counts.describe(this.connectionId,
				this.hostAddress + ":" + this.port);
		// Bytes received are counted by the decoder; take its figure while the session is
		// open.
		NettyFrameDecoder decoder = this.channel.pipeline().get(NettyFrameDecoder.class);
		if (decoder != null) {
			session.put("bytesReceived", decoder.received());
		}
		return session;
	}

	@Override
	public void closeByOperator() {
		this.channel.eventLoop().execute(() -> closeGracefully(CloseReason.REJECTED));
	}

	void opened() {
		this.listener.sessionOpened(this, this);
		this.listener.metrics().connectionOpened();
		publishConnectionOpenEvent();
		deliver(this.listener.opened(this));
		flushIfPending();
	}

	void received(byte[] frame) {
		if (this.closing) {
			return;
		}
		this.reading = true;
		this.payload = frame;
		this.receivedInBatch++;
		long start = System.nanoTime();
		try {
			Message<?> message = getMapper().toMessage(this);
			if (message != null) {
				deliver(message);
			}
		}
		finally {
			this.payload = null;
			this.listener.metrics().processed(System.nanoTime() - start);
		}
	}

	void readComplete() {
		this.reading = false;
		flushIfPending();
	}

	/**
	 * Writes a service's answer: a {@link Reply} or the bytes of one message.
	 */
	@Override
	public void send(Message<?> message) {
		if (!this.channel.eventLoop().inEventLoop()) {
			this.channel.eventLoop().execute(() -> send(message));
			return;
		}
		Object answer = message.getPayload();
		Reply reply = (answer instanceof Reply r) ? r : Reply.of(bytes(answer));
		write(reply.frames());
		if (reply.close()) {
			closeGracefully(CloseReason.EXIT);
		}
	}

	private static byte[] bytes(Object payload) {
		return (payload instanceof String text) ? text.getBytes(StandardCharsets.UTF_8) : (byte[]) payload;
	}

	private void write(List<byte[]> frames) {
		if (this.closing || frames.isEmpty()) {
			return;
		}
		ByteBuf buffer = this.channel.alloc().buffer();
		try (ByteBufOutputStream out = new ByteBufOutputStream(buffer)) {
			for (byte[] frame : frames) {
				this.listener.codec().encode(frame, out);
			}
		}
		catch (IOException ex) {
			buffer.release();
			this.listener.unexpected(this, ex);
			closeWith(CloseReason.ERROR);
			return;
		}
		this.sentInBatch += frames.size();
		this.bytesSentInBatch += buffer.readableBytes();
		this.channel.write(buffer, this.channel.voidPromise());
		this.flushPending = true;
		if (!this.reading) {
			flushIfPending();
		}
	}

	private void flushIfPending() {
		recordBatch();
		if (this.flushPending) {
			this.flushPending = false;
			this.channel.flush();
		}
	}

	private void recordBatch() {
		ListenerMetrics metrics = this.listener.metrics();
		if (this.receivedInBatch > 0) {
			metrics.messagesReceived(this.receivedInBatch);
			this.counts.received(this.receivedInBatch);
			this.receivedInBatch = 0;
		}
		if (this.sentInBatch > 0) {
			metrics.messagesSent(this.sentInBatch);
			metrics.bytesSent(this.bytesSentInBatch);
			this.counts.sent(this.sentInBatch);
			this.counts.bytesOut(this.bytesSentInBatch);
			this.sentInBatch = 0;
			this.bytesSentInBatch = 0;
		}
	}

	void rejectFrame(FrameException frame) {
		byte[] errorLine = this.listener.rejected(this, frame);
		if (errorLine != null) {
			write(List.of(errorLine));
		}
		closeGracefully(CloseReason.FRAME_ERROR);
	}

	void expire() {
		this.closeReason = CloseReason.IDLE_TIMEOUT;
		deliver(this.listener.idle(this));
		closeGracefully(CloseReason.IDLE_TIMEOUT);
	}

	/** The client shut down its output: answer what it sent, then close. */
	void inputEnded() {
		if (this.closing) {
			closeChannel();
			return;
		}
		recordReason(CloseReason.CLIENT_CLOSED);
		this.closing = true;
		this.channel.writeAndFlush(Unpooled.EMPTY_BUFFER).addListener(ChannelFutureListener.CLOSE);
	}

	void failed(Throwable cause) {
		if (cause instanceof IOException) {
			this.listener.clientGone(this, cause.getMessage());
			closeWith(CloseReason.CLIENT_CLOSED);
		}
		else {
			this.listener.unexpected(this, cause);
			closeWith(CloseReason.ERROR);
		}
	}

	/**
	 * Flushes what is written, shuts down output and keeps discarding input for a short
	 * while before closing: closing with unread input would reset the connection and
	 * could destroy the last reply in flight.
	 * @param reason why the connection closes, unless a reason was already recorded
	 */
	void closeGracefully(CloseReason reason) {
		if (this.closing) {
			return;
		}
		this.closing = true;
		recordReason(reason);
		this.flushPending = false;
		this.channel.writeAndFlush(Unpooled.EMPTY_BUFFER).addListener((future) -> {
			if (future.isSuccess()) {
				this.channel.shutdownOutput();
				this.channel.eventLoop().schedule(this::closeChannel, LINGER_MILLIS, TimeUnit.MILLISECONDS);
			}
			else {
				closeChannel();
			}
		});
	}

	private void closeWith(CloseReason reason) {
		this.closing = true;
		recordReason(reason);
		closeChannel();
	}

	private void closeChannel() {
		this.channel.close();
	}

	private void recordReason(CloseReason reason) {
		if (this.closeReason == null) {
			this.closeReason = reason;
		}
	}

	/** Called once the channel is closed, from whichever side. */
	void closed() {
		recordReason(CloseReason.CLIENT_CLOSED);
		if (!this.counted) {
			this.counted = true;
			recordBatch();
			NettyFrameDecoder decoder = this.channel.pipeline().get(NettyFrameDecoder.class);
			if (decoder != null) {
				this.counts.bytesIn(decoder.received());
			}
			this.listener.sessionEnded(this, this.closeReason, this.counts);
		}
		super.close();
	}

	@Override
	public void close() {
		recordReason(CloseReason.SHUTDOWN);
		this.closing = true;
		closeChannel();
		super.close();
	}

	@Override
	public void shutdownInput() {
		this.channel.shutdownInput();
	}

	@Override
	public void shutdownOutput() {
		this.channel.shutdownOutput();
	}

	private void deliver(Message<?> message) {
		this.listener.deliver(this, message);
	}

}
