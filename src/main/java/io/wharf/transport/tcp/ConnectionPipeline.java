package io.wharf.transport.tcp;

import io.netty.channel.ChannelHandler;
import io.netty.channel.ChannelInitializer;
import io.netty.channel.ChannelPipeline;
import io.netty.channel.socket.SocketChannel;
import io.wharf.config.ProxyProtocol;
import io.wharf.transport.tcp.proxy.ProxyHeader;
import io.wharf.transport.tcp.proxy.ProxyPolicy;
import io.wharf.transport.tcp.tls.ListenerTls;
import io.wharf.transport.tcp.tls.TlsHandshake;

/**
 * Everything a byte meets on its way through one TCP connection, assembled in this one
 * place, in order, when the connection is accepted: admission first (a refused connection
 * gets no handler at all), then the PROXY header (on a PROXY listener), TLS and its
 * handshake (on a TLS listener), the framing decoder, which counts what it reads, and the
 * session handler that delivers frames to Spring Integration. The
 * {@link AcceptedConnection} decides when the session opens.
 */
final class ConnectionPipeline extends ChannelInitializer<SocketChannel> {

	private final ListenerContext listener;

	private final ListenerConnections connections;

	private final NettyConnectionFactory factory;

	ConnectionPipeline(ListenerContext listener, ListenerConnections connections, NettyConnectionFactory factory) {
		this.listener = listener;
		this.connections = connections;
		this.factory = factory;
	}

	@Override
	protected void initChannel(SocketChannel channel) {
		if (!this.factory.accepting()) {
			channel.close();
			return;
		}
		AcceptedConnection connection = AcceptedConnection.admit(channel, this.listener, this.connections,
				this.factory);
		if (connection == null) {
			return;
		}
		ChannelPipeline pipeline = channel.pipeline();
		ProxyPolicy proxy = this.listener.proxy();
		if (proxy.mode() != ProxyProtocol.OFF) {
			pipeline.addLast("proxy-header", new ProxyHeader(connection, proxy.mode() == ProxyProtocol.ON,
					proxy.trusts(channel.remoteAddress())));
		}
		ListenerTls tls = this.listener.tls();
		if (tls != null) {
			pipeline.addLast("tls", tls.newHandler(channel))
				.addLast("tls-handshake", new TlsHandshake(tls, connection::secured));
		}
		// The decoder counts what it reads (ConnectionCounts); the session frames its
		// replies as it writes them (Framing.frame): no stage of its own for either.
		ChannelHandler decoder = this.listener.framing().decoder(connection.counts());
		pipeline.addLast("frame-decoder", decoder).addLast("session", connection.receivingFrom(decoder));
	}

}
