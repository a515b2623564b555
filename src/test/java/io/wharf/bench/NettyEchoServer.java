package io.wharf.bench;

import java.io.File;

import io.netty.bootstrap.Bootstrap;
import io.netty.bootstrap.ServerBootstrap;
import io.netty.channel.Channel;
import io.netty.channel.ChannelHandler;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInboundHandlerAdapter;
import io.netty.channel.ChannelInitializer;
import io.netty.channel.ChannelOption;
import io.netty.channel.EventLoopGroup;
import io.netty.channel.MultiThreadIoEventLoopGroup;
import io.netty.channel.SimpleChannelInboundHandler;
import io.netty.channel.epoll.Epoll;
import io.netty.channel.epoll.EpollDatagramChannel;
import io.netty.channel.epoll.EpollIoHandler;
import io.netty.channel.epoll.EpollServerSocketChannel;
import io.netty.channel.nio.NioIoHandler;
import io.netty.channel.socket.DatagramPacket;
import io.netty.channel.socket.SocketChannel;
import io.netty.channel.socket.nio.NioDatagramChannel;
import io.netty.channel.socket.nio.NioServerSocketChannel;
import io.netty.handler.ssl.SslContext;
import io.netty.handler.ssl.SslContextBuilder;
import org.jspecify.annotations.Nullable;

/**
 * The baseline: the smallest sensible Netty 4.2 echo server. Epoll where available, echo
 * on read, flush on read-complete; TCP and UDP on the ports given as arguments, and TLS
 * echo on a third port with a certificate and key given as PEM files.
 */
public final class NettyEchoServer {

	private NettyEchoServer() {
	}

	public static void main(String[] args) throws Exception {
		int tcpPort = Integer.parseInt(args[0]);
		int udpPort = Integer.parseInt(args[1]);
		boolean epoll = Epoll.isAvailable();
		EventLoopGroup boss = new MultiThreadIoEventLoopGroup(1,
				epoll ? EpollIoHandler.newFactory() : NioIoHandler.newFactory());
		EventLoopGroup workers = new MultiThreadIoEventLoopGroup(
				epoll ? EpollIoHandler.newFactory() : NioIoHandler.newFactory());
		Channel tcp = serveTcp(boss, workers, epoll, tcpPort, null);
		Channel udp = new Bootstrap().group(workers)
			.channel(epoll ? EpollDatagramChannel.class : NioDatagramChannel.class)
			.handler(new UdpEcho())
			.bind(udpPort)
			.sync()
			.channel();
		if (args.length > 2) {
			// A TLS echo on the same provider Wharf uses: OpenSSL where it loads.
			SslContext tls = SslContextBuilder.forServer(new File(args[3]), new File(args[4]))
				.sslProvider(TlsLoad.provider())
				.protocols("TLSv1.3", "TLSv1.2")
				.build();
			serveTcp(boss, workers, epoll, Integer.parseInt(args[2]), tls);
		}
		System.out.println("READY netty epoll=" + epoll);
		tcp.closeFuture().sync();
		udp.closeFuture().sync();
	}

	/** A TCP echo on a port, behind TLS when a context is given. */
	private static Channel serveTcp(EventLoopGroup boss, EventLoopGroup workers, boolean epoll, int port,
			@Nullable SslContext tls) throws InterruptedException {
		return new ServerBootstrap().group(boss, workers)
			.channel(epoll ? EpollServerSocketChannel.class : NioServerSocketChannel.class)
			.option(ChannelOption.SO_BACKLOG, 1024)
			.childOption(ChannelOption.TCP_NODELAY, true)
			.childHandler(new ChannelInitializer<SocketChannel>() {
				@Override
				protected void initChannel(SocketChannel channel) {
					if (tls != null) {
						channel.pipeline().addLast(tls.newHandler(channel.alloc()));
					}
					channel.pipeline().addLast(new TcpEcho());
				}
			})
			.bind(port)
			.sync()
			.channel();
	}

	@ChannelHandler.Sharable
	static final class TcpEcho extends ChannelInboundHandlerAdapter {

		@Override
		public void channelRead(ChannelHandlerContext ctx, Object msg) {
			ctx.write(msg, ctx.voidPromise());
		}

		@Override
		public void channelReadComplete(ChannelHandlerContext ctx) {
			ctx.flush();
		}

		@Override
		public void exceptionCaught(ChannelHandlerContext ctx, Throwable cause) {
			ctx.close();
		}

	}

	static final class UdpEcho extends SimpleChannelInboundHandler<DatagramPacket> {

		@Override
		protected void channelRead0(ChannelHandlerContext ctx, DatagramPacket packet) {
			ctx.write(new DatagramPacket(packet.content().retain(), packet.sender()), ctx.voidPromise());
		}

		@Override
		public void channelReadComplete(ChannelHandlerContext ctx) {
			ctx.flush();
		}

	}

}
