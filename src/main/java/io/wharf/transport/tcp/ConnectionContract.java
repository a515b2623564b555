package io.wharf.transport.tcp;

import java.net.InetAddress;
import java.net.InetSocketAddress;
import javax.net.ssl.SSLSession;

import io.netty.channel.socket.SocketChannel;
import io.netty.handler.ssl.SslHandler;
import io.wharf.api.CloseReason;
import io.wharf.transport.tcp.connection.ConnectionClose;
import io.wharf.transport.tcp.tls.ListenerTls;
import io.wharf.transport.tcp.tls.TlsDetails;
import org.jspecify.annotations.Nullable;

import org.springframework.integration.ip.tcp.connection.TcpConnectionSupport;

/**
 * Spring Integration's connection contract on a Netty channel: the connection's identity,
 * read off the channel, and the parts of the contract that a Netty connection has no use
 * for. The contract was made for connections with a reader thread that deserializes a
 * payload and hands it to a mapper; on Netty the pipeline reads and decodes, and each
 * frame becomes a message at once. Those stubs exist only so that Spring Integration's
 * adapters, senders and connection events work unchanged.
 */
abstract class ConnectionContract extends TcpConnectionSupport {

	final SocketChannel channel;

	final NettyConnectionFactory factory;

	final ConnectionClose close;

	private final InetSocketAddress remote;

	private final String connectionId;

	private final @Nullable TlsDetails tls;

	/**
	 * A connection whose TLS handshake, if its listener serves TLS, is complete.
	 */
	ConnectionContract(SocketChannel channel, NettyConnectionFactory factory, String id, InetSocketAddress client,
			@Nullable ListenerTls tls) {
		super(factory.getApplicationEventPublisher());
		this.channel = channel;
		this.factory = factory;
		this.close = new ConnectionClose(channel);
		this.remote = client;
		this.connectionId = id;
		SSLSession session = (tls != null) ? getSslSession() : null;
		this.tls = (session != null) ? TlsDetails.of(session, tls.asksClientCertificates()) : null;
	}

	/**
	 * Whether the connection is open and not closing.
	 * @return true while frames can still be sent
	 */
	@Override
	public final boolean isOpen() {
		return this.channel.isActive() && !this.close.closing();
	}

	/**
	 * Closes the connection from the server's side, at shutdown or for Spring
	 * Integration.
	 */
	@Override
	public final void close() {
		this.close.now(CloseReason.SHUTDOWN);
	}

	/**
	 * How the connection is closing, if it is.
	 * @return the close state
	 */
	public final ConnectionClose closeState() {
		return this.close;
	}

	/** Ends the contract's side of the connection: its close event, once. */
	final void closeContract() {
		super.close();
	}

	@Override
	public final String getConnectionFactoryName() {
		return this.factory.getComponentName();
	}

	/**
	 * The connection's id, its session's: the listener's port and a number unique in the
	 * process (in cluster mode, after the instance's id), safe in a URL path as it is,
	 * and free of the client's address, which the sockets endpoint shows only when
	 * allowed.
	 * @return e.g. {@code 8889-2f}
	 */
	@Override
	public final String getConnectionId() {
		return this.connectionId;
	}

	/**
	 * The client's address as text, made when asked rather than kept: a held connection's
	 * heap matters more than the few bytes a message's header makes.
	 */
	@Override
	public final String getHostAddress() {
		return this.remote.getAddress().getHostAddress();
	}

	/** Reverse DNS lookups are off: the host name is the address. */
	@Override
	public final String getHostName() {
		return getHostAddress();
	}

	@Override
	public final int getPort() {
		return this.remote.getPort();
	}

	/**
	 * The client: the connection's peer, or the client a PROXY header named.
	 * @return its address and port
	 */
	public final InetSocketAddress remoteAddress() {
		return this.remote;
	}

	final InetAddress localAddress() {
		return this.channel.localAddress().getAddress();
	}

	/** Netty's event loop reads; there is no reader thread to run. */
	@Override
	public final void run() {
	}

	/** Frames become messages as they are decoded; none is parked here for a mapper. */
	@Override
	public final @Nullable Object getPayload() {
		return null;
	}

	/** The decoder keeps its own state in the pipeline. */
	@Override
	public final @Nullable Object getDeserializerStateKey() {
		return null;
	}

	/**
	 * What TLS negotiated, read when the session opened (after its handshake).
	 * @return the details, or null on a plaintext listener
	 */
	public final @Nullable TlsDetails tls() {
		return this.tls;
	}

	/** The TLS session on a TLS listener; null on a plaintext one. */
	@Override
	public @Nullable SSLSession getSslSession() {
		SslHandler tls = this.channel.pipeline().get(SslHandler.class);
		return (tls != null) ? tls.engine().getSession() : null;
	}

	/** Wharf's connections are always accepted ones. */
	@Override
	public final boolean isServer() {
		return true;
	}

}
