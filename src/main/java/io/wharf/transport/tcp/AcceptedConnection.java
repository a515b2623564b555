package io.wharf.transport.tcp;

import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.Set;

import io.netty.buffer.ByteBuf;
import io.netty.buffer.ByteBufUtil;
import io.netty.buffer.Unpooled;
import io.netty.channel.ChannelFuture;
import io.netty.channel.ChannelFutureListener;
import io.netty.channel.ChannelHandler;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInboundHandlerAdapter;
import io.netty.channel.socket.ChannelInputShutdownEvent;
import io.netty.channel.socket.SocketChannel;
import io.netty.handler.ssl.SslHandler;
import io.wharf.config.ProxyProtocol;
import io.wharf.observe.ListenerMetrics;
import io.wharf.transport.tcp.connection.ConnectionCounts;
import io.wharf.transport.tcp.framing.FrameAssembly;
import io.wharf.transport.tcp.proxy.PendingClient;
import io.wharf.transport.tcp.proxy.ProxyPolicy;
import org.jspecify.annotations.Nullable;

/**
 * One accepted TCP connection through its stages, and the one place that moves it from
 * one to the next: {@link Stage#RESERVED} (on a PROXY listener, until the header names
 * the client), {@link Stage#ADMITTED} (the client passed its own limits; on a TLS
 * listener, until the handshake completes), {@link Stage#OPEN} (a session serves it) and
 * {@link Stage#ENDED}, when whatever slots the stage held are given back, once (it
 * listens for the channel's close). It is also the last handler of the connection's
 * pipeline, which turns each decoded frame and each thing that happens to the channel
 * into a call on the open session, which decides what it means: one object per connection
 * for both, since every held connection's heap counts. The handlers below only report
 * what happened. Used on the connection's event loop only.
 */
final class AcceptedConnection extends ChannelInboundHandlerAdapter implements PendingClient, ChannelFutureListener {

	private static final byte[] BUSY = "Server: busy, try again later\n".getBytes(StandardCharsets.US_ASCII);

	/** Limits a client may meet again later, so it is told to try again. */
	private static final Set<String> BUSY_CAUSES = Set.of("max_connections", "process_limit", "per_client",
			"per_prefix", "client_rate");

	/** Where a connection is; it only moves forward. */
	enum Stage {

		/**
		 * The listener's and the process's slots are held; the client is not known yet.
		 */
		RESERVED,

		/** The client is known and admitted; its slots are held. */
		ADMITTED,

		/** The session serves the connection and gives its slots back when it closes. */
		OPEN,

		/** Closed or refused, holding nothing. */
		ENDED

	}

	private final SocketChannel channel;

	private final ListenerContext listener;

	private final ListenerConnections connections;

	private final NettyConnectionFactory factory;

	private final ConnectionCounts counts;

	private Stage stage = Stage.ENDED;

	private InetSocketAddress client;

	private @Nullable TcpSession session;

	/** The framing decoder, when it can say whether it holds part of a frame. */
	private @Nullable FrameAssembly assembly;

	private AcceptedConnection(SocketChannel channel, ListenerContext listener, ListenerConnections connections,
			NettyConnectionFactory factory) {
		this.channel = channel;
		this.listener = listener;
		this.connections = connections;
		this.factory = factory;
		this.client = channel.remoteAddress();
		this.counts = new ConnectionCounts(listener.metrics());
	}

	/**
	 * Admits a connection just accepted, by its client's own limits and the listener's
	 * and the process's caps; on a PROXY listener, whose client is not known yet, by the
	 * caps alone.
	 * @param channel the connection
	 * @param listener the listener it arrived on
	 * @param connections the listener's connections
	 * @param factory the listener's connection factory
	 * @return the connection, or null when it was refused (it is closing then)
	 */
	static @Nullable AcceptedConnection admit(SocketChannel channel, ListenerContext listener,
			ListenerConnections connections, NettyConnectionFactory factory) {
		AcceptedConnection connection = new AcceptedConnection(channel, listener, connections, factory);
		ProxyPolicy proxy = listener.proxy();
		String refused;
		if (proxy.mode() == ProxyProtocol.OFF) {
			refused = connections.admit(connection.client.getAddress());
			connection.stage = Stage.ADMITTED;
		}
		else {
			refused = (proxy.mode() == ProxyProtocol.ON && !proxy.trusts(connection.client)) ? "untrusted_proxy"
					: connections.reserve();
			connection.stage = Stage.RESERVED;
		}
		if (refused != null) {
			connection.stage = Stage.ENDED;
			connection.refused(refused, null);
			return null;
		}
		channel.closeFuture().addListener(connection);
		return connection;
	}

	/**
	 * The connection's last handler, above its framing decoder.
	 * @param decoder the decoder whose frames it receives
	 * @return this connection
	 */
	ChannelHandler receivingFrom(ChannelHandler decoder) {
		this.assembly = (decoder instanceof FrameAssembly frames) ? frames : null;
		return this;
	}

	/**
	 * What the connection counts; the handler that counts it sits below the framing.
	 * @return the counts
	 */
	ConnectionCounts counts() {
		return this.counts;
	}

	/**
	 * The open session.
	 * @return the session, or null before the connection opened or after it ended
	 */
	@Nullable TcpSession session() {
		return (this.stage == Stage.OPEN) ? this.session : null;
	}

	/** The channel became active: a connection with nothing to wait for opens now. */
	@Override
	public void channelActive(ChannelHandlerContext ctx) {
		proceed();
	}

	@Override
	public void channelRead(ChannelHandlerContext ctx, Object msg) {
		ByteBuf frame = (ByteBuf) msg;
		try {
			TcpSession open = session();
			if (open != null) {
				open.received(ByteBufUtil.getBytes(frame));
			}
		}
		finally {
			frame.release();
		}
	}

	@Override
	public void channelReadComplete(ChannelHandlerContext ctx) {
		TcpSession open = session();
		if (open != null) {
			open.readComplete((this.assembly != null) ? this.assembly.heldBytes() : 0);
		}
	}

	@Override
	public void channelWritabilityChanged(ChannelHandlerContext ctx) {
		TcpSession open = session();
		if (open != null) {
			open.writability(ctx.channel().isWritable());
		}
		ctx.fireChannelWritabilityChanged();
	}

	@Override
	public void userEventTriggered(ChannelHandlerContext ctx, Object event) {
		if (!(event instanceof ChannelInputShutdownEvent)) {
			ctx.fireUserEventTriggered(event);
			return;
		}
		TcpSession open = session();
		if (open != null) {
			open.inputEnded();
		}
		else {
			ctx.close();
		}
	}

	/** The TLS handshake completed. */
	void secured() {
		proceed();
	}

	@Override
	public boolean decided() {
		return this.stage != Stage.RESERVED;
	}

	/** The PROXY header named the client (or there was none): admit it by its limits. */
	@Override
	public void open(InetSocketAddress client) {
		if (this.stage != Stage.RESERVED) {
			return;
		}
		this.client = client;
		String refused = this.connections.admitReserved(client.getAddress());
		if (refused != null) {
			this.stage = Stage.ENDED;
			refused(refused, null);
			return;
		}
		this.stage = Stage.ADMITTED;
		proceed();
	}

	/** The PROXY header was missing, malformed or untrusted. */
	@Override
	public void refuse(String cause, String why) {
		if (this.stage != Stage.RESERVED) {
			return;
		}
		this.stage = Stage.ENDED;
		this.connections.abandon();
		refused(cause, why);
	}

	/**
	 * Something failed in the pipeline: the session decides what it means; before it
	 * opens, the connection just closes.
	 */
	@Override
	public void exceptionCaught(ChannelHandlerContext ctx, Throwable cause) {
		TcpSession open = session();
		if (open != null) {
			open.failed(cause);
		}
		else {
			this.channel.close();
		}
	}

	private void proceed() {
		if (this.stage != Stage.ADMITTED || !this.channel.isActive() || !handshakeDone()) {
			return;
		}
		this.stage = Stage.OPEN;
		this.counts.opened();
		TcpSession opened = new TcpSession(this.channel, this.factory, this.listener, this.counts, this.client);
		this.session = opened;
		this.factory.register(opened);
		this.listener.observer().opened(opened.session());
		opened.opened();
		if (this.connections.draining()) {
			opened.drain();
		}
	}

	private boolean handshakeDone() {
		SslHandler tls = this.channel.pipeline().get(SslHandler.class);
		return tls == null || tls.handshakeFuture().isSuccess();
	}

	/** The channel closed: whatever this stage holds is given back, once. */
	@Override
	public void operationComplete(ChannelFuture closed) {
		switch (this.stage) {
			case RESERVED -> this.connections.abandon();
			case ADMITTED -> this.connections.released(this.client.getAddress());
			case OPEN -> {
				this.session.closed();
				this.connections.ended(this.client.getAddress(), this.session.counts());
				this.listener.observer().closed(this.session.session());
			}
			case ENDED -> {
			}
		}
		this.stage = Stage.ENDED;
	}

	/**
	 * Counts and logs a refusal and closes; on line framing a client over a limit it may
	 * meet again is told to try later, at the head of the pipeline, below any handler.
	 */
	private void refused(String cause, @Nullable String why) {
		this.listener.metrics().connections().rejected(cause);
		if (ListenerMetrics.TCP_CLIENT_LIMITS.contains(cause)) {
			this.listener.metrics().clientLimitExceeded(cause, "refused");
		}
		this.listener.log().refused(this.client, cause, why);
		if (!this.listener.framing().carriesText() || !BUSY_CAUSES.contains(cause)) {
			this.channel.close();
			return;
		}
		ChannelHandlerContext first = this.channel.pipeline().firstContext();
		((first != null) ? first.writeAndFlush(Unpooled.wrappedBuffer(BUSY))
				: this.channel.writeAndFlush(Unpooled.wrappedBuffer(BUSY)))
			.addListener(ChannelFutureListener.CLOSE);
	}

}
