package io.wharf.transport.tcp;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.SocketAddress;
import java.util.Map;
import java.util.function.Function;

import io.netty.bootstrap.ServerBootstrap;
import io.netty.channel.AdaptiveRecvByteBufAllocator;
import io.netty.channel.Channel;
import io.netty.channel.ChannelHandler;
import io.netty.channel.ChannelOption;
import io.netty.channel.RecvByteBufAllocator;
import io.wharf.config.ListenerProperties;
import io.wharf.config.Protocol;
import io.wharf.failure.ListenerBindException;
import io.wharf.transport.ListenerAddress;
import org.jspecify.annotations.Nullable;

import org.springframework.integration.ip.tcp.connection.AbstractServerConnectionFactory;
import org.springframework.integration.ip.tcp.connection.TcpConnectionInterceptorFactoryChain;
import org.springframework.integration.ip.tcp.connection.TcpConnectionServerListeningEvent;
import org.springframework.integration.ip.tcp.connection.TcpConnectionSupport;

/**
 * Spring Integration's server connection factory contract on Netty: the socket is bound
 * at construction (so a port in use fails start-up, and nothing is accepted until the
 * inbound adapter starts the factory), every accepted connection gets its
 * {@link ConnectionPipeline}, every session is registered with Spring Integration's
 * adapter and senders, and the usual connection events are published.
 */
final class NettyConnectionFactory extends AbstractServerConnectionFactory {

	/**
	 * How every connection sizes its read buffers: Netty's adaptive sizing with a socket
	 * channel's 16 reads per loop, one instance for all rather than one made with each
	 * connection (32 bytes of every held connection); each connection keeps its own
	 * sizing state in its handle.
	 */
	private static final RecvByteBufAllocator READ_SIZES = new AdaptiveRecvByteBufAllocator().maxMessagesPerRead(16);

	private final Channel serverChannel;

	/**
	 * Binds a listener's socket.
	 * @param name the listener's name
	 * @param properties its settings
	 * @param loops the event loops
	 * @param pipeline what every accepted connection gets, made for this factory
	 */
	NettyConnectionFactory(String name, ListenerProperties properties, NettyEventLoops loops,
			Function<NettyConnectionFactory, ChannelHandler> pipeline) {
		super(properties.requiredPort());
		// start() runs the factory's run() on this executor: inline, no thread.
		setTaskExecutor(Runnable::run);
		this.serverChannel = bind(name, properties, loops, pipeline.apply(this));
	}

	private static Channel bind(String name, ListenerProperties properties, NettyEventLoops loops,
			ChannelHandler pipeline) {
		ServerBootstrap bootstrap = new ServerBootstrap().group(loops.acceptors(), loops.workers())
			.channel(loops.serverChannelType())
			.option(ChannelOption.SO_BACKLOG, properties.backlog())
			.option(ChannelOption.SO_REUSEADDR, properties.reuseAddress())
			// Nothing is accepted before the inbound adapter starts the factory.
			.option(ChannelOption.AUTO_READ, false)
			.childOption(ChannelOption.TCP_NODELAY, properties.tcpNoDelay())
			.childOption(ChannelOption.SO_KEEPALIVE, properties.keepAlive())
			.childOption(ChannelOption.ALLOW_HALF_CLOSURE, true)
			.childOption(ChannelOption.RCVBUF_ALLOCATOR, READ_SIZES)
			.childHandler(pipeline);
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
	 * Whether new connections are served: false before the factory starts and once it
	 * stops.
	 * @return true while accepting
	 */
	boolean accepting() {
		return isActive() && !isShuttingDown();
	}

	/**
	 * The open connections, by id: Spring Integration's registry of the factory's
	 * connections, to which {@link #register} adds each session as it opens and from
	 * which its close takes it. Each is a session as registered, since no interceptor
	 * wraps one.
	 * @return a live view, to read
	 */
	Map<String, TcpConnectionSupport> registered() {
		return this.connections;
	}

	/**
	 * Refused: an interceptor would wrap the sessions, which are written to directly.
	 * @param interceptorFactoryChain not used
	 */
	@Override
	public void setInterceptorFactoryChain(TcpConnectionInterceptorFactoryChain interceptorFactoryChain) {
		throw new UnsupportedOperationException(
				"Wharf's TCP listeners take no connection interceptors; a service or a flow sees every message");
	}

	/**
	 * Hands a session that opens to Spring Integration: its inbound adapter receives the
	 * session's frames, its senders see the connection, and the factory's registry holds
	 * it as it is (no interceptor wraps it).
	 * @param session the session
	 */
	void register(TcpConnectionSupport session) {
		session.registerListener(getListener());
		session.registerSenders(getSenders());
		addConnection(session);
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

	/**
	 * Publishes at once, on the starting thread, rather than through a task scheduler,
	 * which an application without Spring Integration's infrastructure does not have.
	 */
	@Override
	protected void publishServerListeningEvent(int port) {
		getApplicationEventPublisher().publishEvent(new TcpConnectionServerListeningEvent(this, port));
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
