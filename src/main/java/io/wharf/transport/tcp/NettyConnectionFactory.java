package io.wharf.transport.tcp;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.SocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.Set;
import java.util.concurrent.atomic.AtomicLong;

import io.netty.bootstrap.ServerBootstrap;
import io.netty.buffer.Unpooled;
import io.netty.channel.Channel;
import io.netty.channel.ChannelFutureListener;
import io.netty.channel.ChannelInitializer;
import io.netty.channel.ChannelOption;
import io.netty.channel.socket.SocketChannel;
import io.wharf.config.ListenerProperties;
import io.wharf.config.Protocol;
import io.wharf.config.ProxyProtocol;
import io.wharf.failure.ListenerBindException;
import io.wharf.transport.ListenerAddress;
import io.wharf.transport.tcp.connection.SessionCounts;
import io.wharf.transport.tcp.proxy.PendingConnection;
import io.wharf.transport.tcp.proxy.ProxyHeader;
import io.wharf.transport.tcp.proxy.ProxyPolicy;
import io.wharf.transport.tcp.tls.ListenerTls;
import io.wharf.transport.tcp.tls.TlsHandshake;
import org.jspecify.annotations.Nullable;

import org.springframework.integration.ip.tcp.connection.AbstractServerConnectionFactory;

/**
 * Spring Integration's server connection factory contract on Netty: the socket is bound
 * at construction (so a port in use fails start-up, and nothing is accepted until the
 * inbound adapter starts the factory), every connection is a {@link TcpSession} served on
 * an event loop, and the usual connection events are published.
 */
final class NettyConnectionFactory extends AbstractServerConnectionFactory {

	/** Numbers sessions, so that their ids are unique without a random UUID each. */
	private static final AtomicLong sessionNumbers = new AtomicLong();

	private static final byte[] BUSY = "Server: busy, try again later\n".getBytes(StandardCharsets.US_ASCII);

	/** Limits a client may meet again later, so it is told to try again. */
	private static final Set<String> BUSY_CAUSES = Set.of("max_connections", "process_limit", "per_client",
			"per_prefix", "client_rate");

	private final Channel serverChannel;

	private final ListenerContext parts;

	private final ConnectionPipeline pipeline;

	NettyConnectionFactory(String name, ListenerProperties properties, NettyEventLoops loops, ListenerContext parts) {
		super(properties.requiredPort());
		this.parts = parts;
		this.pipeline = new ConnectionPipeline(parts.framing());
		// start() runs the factory's run() on this executor: inline, no thread.
		setTaskExecutor(Runnable::run);
		this.serverChannel = bind(name, properties, loops, new ChannelInitializer<SocketChannel>() {
			@Override
			protected void initChannel(SocketChannel channel) {
				accept(channel);
			}
		});
	}

	private static Channel bind(String name, ListenerProperties properties, NettyEventLoops loops,
			ChannelInitializer<SocketChannel> accept) {
		ServerBootstrap bootstrap = new ServerBootstrap().group(loops.acceptors(), loops.workers())
			.channel(loops.serverChannelType())
			.option(ChannelOption.SO_BACKLOG, properties.backlog())
			.option(ChannelOption.SO_REUSEADDR, properties.reuseAddress())
			// Nothing is accepted before the inbound adapter starts the factory.
			.option(ChannelOption.AUTO_READ, false)
			.childOption(ChannelOption.TCP_NODELAY, properties.tcpNoDelay())
			.childOption(ChannelOption.SO_KEEPALIVE, properties.keepAlive())
			.childOption(ChannelOption.ALLOW_HALF_CLOSURE, true)
			.childHandler(accept);
		if (properties.receiveBufferSize() != null) {
			// Accepted sockets inherit it; windows above 64 KB must be set before
			// listen().
			bootstrap.option(ChannelOption.SO_RCVBUF, (int) properties.receiveBufferSize().toBytes());
		}
		if (properties.sendBufferSize() != null) {
			bootstrap.childOption(ChannelOption.SO_SNDBUF, (int) properties.sendBufferSize().toBytes());
		}
		try {
			return bootstrap.bind(ListenerAddress.of(properties)).syncUninterruptibly().channel();
		}
		catch (Exception ex) {
			IOException cause = (ex instanceof IOException io) ? io : new IOException(ex.getMessage(), ex);
			throw new ListenerBindException(name, Protocol.TCP, properties.requiredPort(), properties.bindAddress(),
					cause);
		}
	}

	/**
	 * Opens a session for an accepted channel and assembles its pipeline, if the factory
	 * serves and the listener has room; otherwise closes the channel.
	 */
	private void accept(SocketChannel channel) {
		ListenerContext listener = this.parts;
		if (!isActive() || isShuttingDown()) {
			channel.close();
			return;
		}
		ProxyPolicy proxy = listener.proxy();
		if (proxy.mode() == ProxyProtocol.OFF) {
			String refused = listener.sessions().admission().admit(channel.remoteAddress().getAddress());
			if (refused != null) {
				refuse(channel, channel.remoteAddress(), refused, null);
				return;
			}
			if (listener.tls() != null) {
				secure(channel, channel.remoteAddress());
				return;
			}
			// Its pipeline's channelActive opens the session.
			open(channel, channel.remoteAddress());
			return;
		}
		boolean trusted = proxy.trusts(channel.remoteAddress());
		String refused = (proxy.mode() == ProxyProtocol.ON && !trusted) ? "untrusted_proxy"
				: listener.sessions().admission().reserve();
		if (refused != null) {
			refuse(channel, channel.remoteAddress(), refused, null);
			return;
		}
		PendingConnection pending = new PendingConnection(channel, (client) -> openProxied(channel, client),
				(cause, why) -> refuseReserved(channel, cause, why), listener.sessions()::abandon);
		channel.pipeline().addLast("proxy-header", new ProxyHeader(pending, proxy.mode() == ProxyProtocol.ON, trusted));
	}

	private TcpSession open(SocketChannel channel, InetSocketAddress client) {
		ListenerContext listener = this.parts;
		SessionCounts counts = new SessionCounts(listener.metrics(), listener.deadlines().ageLimit());
		TcpSession session = new TcpSession(channel, this, listener, counts, sessionNumbers.incrementAndGet(), client);
		session.registerListener(getListener());
		session.registerSenders(getSenders());
		wrapConnection(session);
		this.pipeline.assemble(channel.pipeline(), counts, session);
		return session;
	}

	/** Opens the session of a connection whose PROXY header named its client. */
	private void openProxied(SocketChannel channel, InetSocketAddress client) {
		String refused = this.parts.sessions().admission().admitReserved(client.getAddress());
		if (refused != null) {
			refuse(channel, client, refused, null);
			return;
		}
		if (this.parts.tls() != null) {
			secure(channel, client);
			return;
		}
		// The channel is active already, so the new pipeline sees no channelActive.
		open(channel, client).opened();
	}

	/**
	 * Starts the TLS handshake of an admitted connection; its session opens once the
	 * handshake completes, and if the connection closes first its slots are given back.
	 */
	private void secure(SocketChannel channel, InetSocketAddress client) {
		ListenerTls tls = this.parts.tls();
		boolean[] opened = { false };
		channel.closeFuture().addListener((closed) -> {
			if (!opened[0]) {
				this.parts.sessions().released(client.getAddress());
			}
		});
		channel.pipeline()
			.addLast("tls", tls.newHandler(channel))
			.addLast("tls-handshake", new TlsHandshake(tls, () -> {
				opened[0] = true;
				open(channel, client).opened();
			}));
	}

	/** Refuses a connection whose slots were reserved, giving them back. */
	private void refuseReserved(SocketChannel channel, String cause, String why) {
		this.parts.sessions().abandon();
		refuse(channel, channel.remoteAddress(), cause, why);
	}

	/**
	 * Closes a connection over a limit; on line framing the client is told it may try
	 * again, unless its address is denied outright or it is no client at all.
	 */
	private void refuse(SocketChannel channel, InetSocketAddress client, String cause, @Nullable String why) {
		this.parts.metrics().connections().rejected(cause);
		this.parts.log().refused(client, cause, why);
		if (this.parts.framing().carriesText() && BUSY_CAUSES.contains(cause)) {
			channel.writeAndFlush(Unpooled.wrappedBuffer(BUSY)).addListener(ChannelFutureListener.CLOSE);
		}
		else {
			channel.close();
		}
	}

	@Override
	public void run() {
		setListening(true);
		this.serverChannel.config().setAutoRead(true);
		publishServerListeningEvent(getPort());
	}

	/** Closes the listening socket; open sessions go on. */
	void stopAccepting() {
		this.serverChannel.close().syncUninterruptibly();
		setListening(false);
	}

	@Override
	public void stop() {
		stopAccepting();
		super.stop();
	}

	@Override
	public int getPort() {
		return ((InetSocketAddress) this.serverChannel.localAddress()).getPort();
	}

	@Override
	public @Nullable SocketAddress getServerSocketAddress() {
		return this.serverChannel.localAddress();
	}

	@Override
	public String getComponentType() {
		return "wharf:netty-server-connection-factory";
	}

}
