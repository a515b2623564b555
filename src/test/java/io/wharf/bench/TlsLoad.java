package io.wharf.bench;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import javax.net.ssl.SSLException;

import io.netty.bootstrap.Bootstrap;
import io.netty.buffer.ByteBuf;
import io.netty.buffer.Unpooled;
import io.netty.channel.Channel;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInboundHandlerAdapter;
import io.netty.channel.ChannelInitializer;
import io.netty.channel.ChannelOption;
import io.netty.channel.EventLoopGroup;
import io.netty.channel.MultiThreadIoEventLoopGroup;
import io.netty.channel.nio.NioIoHandler;
import io.netty.channel.socket.SocketChannel;
import io.netty.channel.socket.nio.NioSocketChannel;
import io.netty.handler.ssl.OpenSsl;
import io.netty.handler.ssl.SslContext;
import io.netty.handler.ssl.SslContextBuilder;
import io.netty.handler.ssl.SslHandler;
import io.netty.handler.ssl.SslHandshakeCompletionEvent;
import io.netty.handler.ssl.SslProvider;
import org.HdrHistogram.Histogram;

/**
 * TLS load on Netty's client (OpenSSL where it loads, as the servers use), one event loop
 * thread: ping-pong of 64 B over held connections, or churn (connect, full handshake, one
 * echo, close) with a number of connections in flight. The client offers no session to
 * resume, so every handshake is a full one. Every echo is compared with what was sent.
 *
 * @param port the server's TLS echo port
 * @param authority the CA certificate the client trusts
 * @param connections held connections (ping-pong) or connections in flight (churn)
 * @param churn whether each connection does one echo and closes
 * @param warmupMillis time before measuring
 * @param measureMillis measured time
 */
record TlsLoad(int port, Path authority, int connections, boolean churn, long warmupMillis, long measureMillis) {

	private static final int SIZE = 64;

	static SslProvider provider() {
		return OpenSsl.isAvailable() ? SslProvider.OPENSSL : SslProvider.JDK;
	}

	/**
	 * TLS 1.3 only, trusting the servers' authority. Handlers are made without the peer's
	 * host and port, which is what the client's session cache files sessions under: no
	 * session is offered for resumption, so every handshake is a full one. Without a host
	 * name there is none to verify either; the chain still is.
	 */
	private static SslContext clientContext(Path authority) throws SSLException {
		return SslContextBuilder.forClient()
			.sslProvider(provider())
			.trustManager(authority.toFile())
			.endpointIdentificationAlgorithm(null)
			.protocols("TLSv1.3")
			.build();
	}

	LoadResult run() throws Exception {
		SslContext context = clientContext(this.authority);
		EventLoopGroup loop = new MultiThreadIoEventLoopGroup(1, NioIoHandler.newFactory());
		Run run = new Run(context, loop);
		try {
			for (int i = 0; i < this.connections; i++) {
				run.connect();
			}
			Thread.sleep(this.warmupMillis);
			run.measuring(true);
			long start = System.nanoTime();
			Thread.sleep(this.measureMillis);
			run.measuring(false);
			double seconds = (System.nanoTime() - start) / 1e9;
			return new LoadResult(run.operations.get(), run.errors.get(), run.latency, seconds);
		}
		finally {
			run.stop();
			loop.shutdownGracefully(0, 1, TimeUnit.SECONDS).syncUninterruptibly();
		}
	}

	/** Holds TLS connections open, handshaken, for the footprint figures. */
	static List<Channel> hold(int port, Path authority, int count) throws Exception {
		SslContext context = clientContext(authority);
		EventLoopGroup loop = new MultiThreadIoEventLoopGroup(1, NioIoHandler.newFactory());
		List<Channel> held = new ArrayList<>();
		for (int i = 0; i < count; i++) {
			Channel channel = new Bootstrap().group(loop)
				.channel(NioSocketChannel.class)
				.handler(new ChannelInitializer<SocketChannel>() {
					@Override
					protected void initChannel(SocketChannel ch) {
						ch.pipeline().addLast(context.newHandler(ch.alloc()));
					}
				})
				.connect("127.0.0.1", port)
				.sync()
				.channel();
			channel.pipeline().get(SslHandler.class).handshakeFuture().sync();
			held.add(channel);
		}
		return held;
	}

	private final class Run {

		private final SslContext context;

		private final EventLoopGroup loop;

		private final Bootstrap bootstrap;

		private final AtomicLong operations = new AtomicLong();

		private final AtomicLong errors = new AtomicLong();

		private final Histogram latency = LoadResult.histogram();

		private final List<Channel> open = new ArrayList<>();

		private volatile boolean measuring;

		private volatile boolean stopped;

		Run(SslContext context, EventLoopGroup loop) {
			this.context = context;
			this.loop = loop;
			this.bootstrap = new Bootstrap().group(loop)
				.channel(NioSocketChannel.class)
				.option(ChannelOption.TCP_NODELAY, true)
				.handler(new ChannelInitializer<SocketChannel>() {
					@Override
					protected void initChannel(SocketChannel channel) {
						channel.pipeline().addLast(Run.this.context.newHandler(channel.alloc())).addLast(new Echoes());
					}
				});
		}

		void measuring(boolean on) {
			this.measuring = on;
		}

		void connect() {
			if (this.stopped) {
				return;
			}
			this.bootstrap.connect("127.0.0.1", TlsLoad.this.port).addListener((connected) -> {
				if (!connected.isSuccess()) {
					this.errors.incrementAndGet();
					this.loop.schedule(this::connect, 10, TimeUnit.MILLISECONDS);
				}
			});
		}

		void stop() {
			this.stopped = true;
		}

		private final class Echoes extends ChannelInboundHandlerAdapter {

			private final byte[] message = new byte[SIZE];

			private ByteBuf received;

			private long sentAt;

			private long connectedAt;

			@Override
			public void channelActive(ChannelHandlerContext ctx) {
				this.connectedAt = System.nanoTime();
				this.received = ctx.alloc().buffer(SIZE);
				ctx.fireChannelActive();
			}

			@Override
			public void userEventTriggered(ChannelHandlerContext ctx, Object event) {
				if (event instanceof SslHandshakeCompletionEvent done) {
					if (done.isSuccess()) {
						send(ctx);
					}
					else {
						Run.this.errors.incrementAndGet();
					}
				}
			}

			private void send(ChannelHandlerContext ctx) {
				if (Run.this.stopped) {
					ctx.close();
					return;
				}
				java.util.concurrent.ThreadLocalRandom.current().nextBytes(this.message);
				this.sentAt = System.nanoTime();
				ctx.writeAndFlush(Unpooled.wrappedBuffer(this.message.clone()));
			}

			@Override
			public void channelRead(ChannelHandlerContext ctx, Object msg) {
				ByteBuf bytes = (ByteBuf) msg;
				this.received.writeBytes(bytes);
				bytes.release();
				if (this.received.readableBytes() < SIZE) {
					return;
				}
				boolean same = this.received.readableBytes() == SIZE
						&& java.util.Arrays.equals(io.netty.buffer.ByteBufUtil.getBytes(this.received), this.message);
				this.received.clear();
				if (!same) {
					Run.this.errors.incrementAndGet();
				}
				long now = System.nanoTime();
				if (Run.this.measuring) {
					Run.this.operations.incrementAndGet();
					Run.this.latency.recordValue(now - (TlsLoad.this.churn ? this.connectedAt : this.sentAt));
				}
				if (TlsLoad.this.churn) {
					ctx.close();
				}
				else {
					send(ctx);
				}
			}

			@Override
			public void channelInactive(ChannelHandlerContext ctx) {
				this.received.release();
				if (TlsLoad.this.churn) {
					connect();
				}
			}

			@Override
			public void exceptionCaught(ChannelHandlerContext ctx, Throwable cause) {
				Run.this.errors.incrementAndGet();
				ctx.close();
			}

		}

	}

}
