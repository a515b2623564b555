package io.wharf.transport.tcp;

import javax.net.ssl.SSLSession;

import org.jspecify.annotations.Nullable;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.integration.ip.tcp.connection.TcpConnectionSupport;

/**
 * The parts of Spring Integration's connection contract that a Netty connection has no
 * use for. The contract was made for connections with a reader thread that deserializes a
 * payload and hands it to a mapper; on Netty the pipeline reads and decodes, and each
 * frame becomes a message at once. These stubs exist only so that Spring Integration's
 * adapters, senders and connection events work unchanged.
 */
abstract class ConnectionContract extends TcpConnectionSupport {

	ConnectionContract(@Nullable ApplicationEventPublisher publisher) {
		super(publisher);
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

	/** No TLS yet. */
	@Override
	public @Nullable SSLSession getSslSession() {
		return null;
	}

	/** Wharf's connections are always accepted ones. */
	@Override
	public final boolean isServer() {
		return true;
	}

}
