package io.wharf.transport.tcp;

import java.net.InetSocketAddress;
import java.net.SocketAddress;
import java.util.concurrent.TimeUnit;

import io.netty.bootstrap.ServerBootstrap;
import io.netty.channel.Channel;
import io.netty.channel.ChannelInitializer;
import io.netty.channel.ChannelOption;
import io.netty.channel.ChannelPipeline;
import io.netty.channel.socket.SocketChannel;
import io.netty.handler.timeout.IdleStateHandler;
import io.wharf.transport.ListenerBindException;
import io.wharf.transport.ListenerProperties;
import io.wharf.transport.Protocol;
import org.jspecify.annotations.Nullable;

import org.springframework.integration.ip.tcp.connection.AbstractServerConnectionFactory;

/**
 * Spring Integration's server connection factory contract on Netty: the socket is bound
 * at start-up (accepting nothing until the factory starts), every connection is a
 * {@link NettyConnection} served on an event loop, and the usual connection events are
 * published.
 */
final class NettyServerConnectionFactory extends AbstractServerConnectionFactory {

	private final TcpListenerContext listener;

	private final Channel serverChannel;

	NettyServerConnectionFactory(NettyEventLoops loops, TcpListenerContext listener) {
		super(listener.properties().requiredPort());
		this.listener = listener;
		this.serverChannel = bind(loops, listener);
	}

	private Channel bind(NettyEventLoops loops, TcpListenerContext listener) {
		ListenerProperties properties = listener.properties();
		ServerBootstrap bootstrap = new ServerBootstrap().group(loops.acceptors(), loops.workers())
			.channel(loops.serverChannelType())
			.option(ChannelOption.SO_BACKLOG, properties.backlog())
			.option(ChannelOption.SO_REUSEADDR, properties.reuseAddress())
			// Nothing is accepted before the inbound adapter starts the factory.
			.option(ChannelOption.AUTO_READ, false)
			.childOption(ChannelOption.TCP_NODELAY, properties.tcpNoDelay())
			.childOption(ChannelOption.SO_KEEPALIVE, properties.keepAlive())
			.childOption(ChannelOption.ALLOW_HALF_CLOSURE, true)
			.childHandler(new ChannelInitializer<SocketChannel>() {
				@Override
				protected void initChannel(SocketChannel channel) {
					pipeline(channel.pipeline());
				}
			});
		if (properties.receiveBufferSize() != null) {
			bootstrap.option(ChannelOption.SO_RCVBUF, (int) properties.receiveBufferSize().toBytes());
		}
		if (properties.sendBufferSize() != null) {
			bootstrap.childOption(ChannelOption.SO_SNDBUF, (int) properties.sendBufferSize().toBytes());
		}
		try {
			return bootstrap.bind(address(properties)).syncUninterruptibly().channel();
		}
		catch (Exception ex) {
			java.io.IOException cause = (ex instanceof java.io.IOException io) ? io : new java.io.IOException(ex);
			throw new ListenerBindException(listener.name(), Protocol.TCP, properties.requiredPort(),
					properties.bindAddress(), cause);
		}
	}

	private static SocketAddress address(ListenerProperties properties) throws java.net.UnknownHostException {
		String host = properties.bindAddress();
		if (host == null || host.isBlank()) {
			return new InetSocketAddress(properties.requiredPort());
		}
		return new InetSocketAddress(java.net.InetAddress.getByName(host), properties.requiredPort());
	}

	private void pipeline(ChannelPipeline pipeline) {
		long idle = this.listener.idleTimeout().toMillis();
		if (idle > 0) {
			pipeline.addLast(new IdleStateHandler(idle, 0, 0, TimeUnit.MILLISECONDS));
		}
		pipeline.addLast(new NettyFrameDecoder(this.listener.properties().framing(), this.listener.metrics()));
		pipeline.addLast(new NettyConnectionHandler(this));
	}

	/**
	 * Registers a new connection with the factory's listener and senders.
	 * @param channel the accepted channel
	 * @return the connection, or {@code null} if the factory is stopping
	 */
	@Nullable NettyConnection accept(SocketChannel channel) {
		if (!isActive() || isShuttingDown() || !this.listener.admit(channel.remoteAddress())) {
			channel.close();
			return null;
		}
		NettyConnection connection = new NettyConnection(channel, this.listener, getApplicationEventPublisher(),
				getComponentName());
		connection.registerListener(getListener());
		connection.registerSenders(getSenders());
		connection.setMapper(getMapper());
		connection.setDeserializer(getDeserializer());
		connection.setSerializer(getSerializer());
		wrapConnection(connection);
		return connection;
	}

	void closed(NettyConnection connection) {
		connection.closed();
		closeConnection(connection.getConnectionId());
	}

	@Override
	public void run() {
		setListening(true);
		this.serverChannel.config().setAutoRead(true);
		publishServerListeningEvent(getPort());
	}

	@Override
	public void stop() {
		this.serverChannel.close().syncUninterruptibly();
		setListening(false);
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

	/** Closes the bound socket of a factory that never started. */
	void release() {
		this.serverChannel.close();
	}

}
