package io.wharf.transport.tcp;

import io.netty.channel.EventLoopGroup;
import io.netty.channel.IoHandlerFactory;
import io.netty.channel.MultiThreadIoEventLoopGroup;
import io.netty.channel.ServerChannel;
import io.netty.channel.epoll.Epoll;
import io.netty.channel.epoll.EpollIoHandler;
import io.netty.channel.epoll.EpollServerSocketChannel;
import io.netty.channel.nio.NioIoHandler;
import io.netty.channel.socket.nio.NioServerSocketChannel;
import io.netty.util.concurrent.DefaultThreadFactory;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.beans.factory.DisposableBean;

/**
 * The event loops every Netty listener shares: one thread accepting, one per core serving
 * connections. Epoll on Linux, NIO elsewhere.
 */
public class NettyEventLoops implements DisposableBean {

	private static final Logger logger = LoggerFactory.getLogger(NettyEventLoops.class);

	private final boolean epoll = Epoll.isAvailable();

	private final EventLoopGroup acceptors;

	private final EventLoopGroup workers;

	NettyEventLoops() {
		this.acceptors = new MultiThreadIoEventLoopGroup(1, new DefaultThreadFactory("wharf-accept"), handlers());
		this.workers = new MultiThreadIoEventLoopGroup(0, new DefaultThreadFactory("wharf-io"), handlers());
		logger.debug("Netty event loops on {}", this.epoll ? "epoll" : "NIO");
	}

	private IoHandlerFactory handlers() {
		return this.epoll ? EpollIoHandler.newFactory() : NioIoHandler.newFactory();
	}

	EventLoopGroup acceptors() {
		return this.acceptors;
	}

	EventLoopGroup workers() {
		return this.workers;
	}

	Class<? extends ServerChannel> serverChannelType() {
		return this.epoll ? EpollServerSocketChannel.class : NioServerSocketChannel.class;
	}

	@Override
	public void destroy() {
		this.acceptors.shutdownGracefully(0, 2, java.util.concurrent.TimeUnit.SECONDS).syncUninterruptibly();
		this.workers.shutdownGracefully(0, 2, java.util.concurrent.TimeUnit.SECONDS).syncUninterruptibly();
	}

}
