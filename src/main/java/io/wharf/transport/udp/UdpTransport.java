package io.wharf.transport.udp;

import java.io.IOException;
import java.net.DatagramSocket;
import java.util.Map;
import java.util.concurrent.CompletableFuture;

import io.wharf.observe.ListenerMetrics;
import io.wharf.transport.BoundListener;
import io.wharf.transport.ListenerAddress;
import io.wharf.transport.ListenerBindException;
import io.wharf.transport.ListenerProperties;
import io.wharf.transport.ListenerRoute;
import io.wharf.transport.ListenerTransport;
import io.wharf.transport.OpenSession;
import io.wharf.transport.Protocol;

import org.springframework.integration.dsl.context.IntegrationFlowContext;

/**
 * Binds UDP listeners: a socket bound at start-up, Spring Integration's unicast adapter
 * feeding the service channel, and replies sent from the same socket.
 */
class UdpTransport implements ListenerTransport {

	/** Room for the largest UDP payload, so no datagram is truncated. */
	static final int MAX_DATAGRAM = 65_535;

	private final IntegrationFlowContext flowContext;

	UdpTransport(IntegrationFlowContext flowContext) {
		this.flowContext = flowContext;
	}

	@Override
	public Protocol protocol() {
		return Protocol.UDP;
	}

	@Override
	public BoundListener bind(String name, ListenerProperties properties, ListenerMetrics metrics) {
		return new BoundUdpListener(name, properties, new ListenerRoute(name, properties, this.flowContext),
				socket(name, properties), metrics);
	}

	/**
	 * Binds without SO_REUSEADDR: on UDP it would let a second process bind the same port
	 * and take this one's datagrams.
	 */
	private static DatagramSocket socket(String name, ListenerProperties properties) {
		DatagramSocket socket = null;
		try {
			socket = new DatagramSocket(null);
			socket.setReuseAddress(false);
			if (properties.receiveBufferSize() != null) {
				socket.setReceiveBufferSize((int) properties.receiveBufferSize().toBytes());
			}
			if (properties.sendBufferSize() != null) {
				socket.setSendBufferSize((int) properties.sendBufferSize().toBytes());
			}
			socket.bind(ListenerAddress.of(properties));
			return socket;
		}
		catch (IOException ex) {
			if (socket != null) {
				socket.close();
			}
			throw new ListenerBindException(name, Protocol.UDP, properties.requiredPort(), properties.bindAddress(),
					ex);
		}
	}

	/** A bound UDP listener through its lifecycle; it has no sessions to drain. */
	private record BoundUdpListener(String name, ListenerProperties properties, ListenerRoute route,
			DatagramSocket socket, ListenerMetrics metrics) implements BoundListener {

		@Override
		public int localPort() {
			return this.socket.getLocalPort();
		}

		@Override
		public void start() {
			ListenerDatagramAdapter adapter = new ListenerDatagramAdapter(this.name, this.socket.getLocalPort(),
					this.route.headers(), this.metrics);
			adapter.setSocket(this.socket);
			adapter.setLookupHost(false);
			// One thread receives and processes; the default pool would add a hand-off.
			adapter.setPoolSize(1);
			this.route.register(adapter, new DatagramReplySender(this.name, this.socket, this.metrics), Map.of());
		}

		@Override
		public void stopAccepting() {
		}

		@Override
		public CompletableFuture<Void> drained() {
			return CompletableFuture.completedFuture(null);
		}

		@Override
		public void close() {
			this.route.remove();
			this.socket.close();
		}

		@Override
		public Map<String, OpenSession> sessions() {
			return Map.of();
		}

	}

}
