package io.wharf.transport.udp;

import java.io.IOException;
import java.net.DatagramSocket;
import java.net.SocketException;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicReference;

import io.wharf.api.Audience;
import io.wharf.api.SocketSessions.Broadcast;
import io.wharf.config.ListenerProperties;
import io.wharf.config.Protocol;
import io.wharf.conversation.SessionHandle;
import io.wharf.failure.ListenerBindException;
import io.wharf.observe.ListenerMetrics;
import io.wharf.transport.BoundListener;
import io.wharf.transport.ListenerAddress;
import io.wharf.transport.ListenerRoute;
import io.wharf.transport.ListenerTransport;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.util.unit.DataSize;

/**
 * Binds UDP listeners: a socket bound at start-up, Spring Integration's unicast adapter
 * feeding the service channel, and replies sent from the same socket.
 */
class UdpTransport implements ListenerTransport {

	/** Room for the largest UDP payload, so no datagram is truncated. */
	static final int MAX_DATAGRAM = 65_535;

	/**
	 * The receive buffer asked for when none is configured: the kernel's default (about
	 * 200 KB) overflows in a burst of a few hundred datagrams.
	 */
	static final DataSize DEFAULT_RECEIVE_BUFFER = DataSize.ofMegabytes(4);

	private static final Logger logger = LoggerFactory.getLogger(UdpTransport.class);

	@Override
	public Protocol protocol() {
		return Protocol.UDP;
	}

	@Override
	public BoundListener bind(ListenerRoute route, ListenerMetrics metrics) {
		return new BoundUdpListener(route.name(), route.properties(), route, socket(route.name(), route.properties()),
				metrics, new AtomicReference<>());
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
			receiveBuffer(name, socket, properties.receiveBufferSize());
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

	/**
	 * Sizes the receive buffer, saying so when the kernel grants less than asked (Linux
	 * caps it at {@code net.core.rmem_max}), since a small buffer drops bursts.
	 */
	private static void receiveBuffer(String name, DatagramSocket socket, @Nullable DataSize configured)
			throws SocketException {
		DataSize asked = (configured != null) ? configured : DEFAULT_RECEIVE_BUFFER;
		socket.setReceiveBufferSize((int) asked.toBytes());
		// Linux reports twice the size it grants, for its own bookkeeping.
		long granted = socket.getReceiveBufferSize() / 2;
		if (granted < asked.toBytes() / 2) {
			String text = "Listener '{}' asked for a {} KB receive buffer and the kernel granted {} KB; "
					+ "bursts beyond it are dropped (reason=\"kernel\"); raise the sysctl net.core.rmem_max "
					+ "or lower wharf.listeners.{}.receive-buffer-size";
			Object[] arguments = { name, asked.toKilobytes(), granted / 1024, name };
			if (configured != null) {
				logger.warn(text, arguments);
			}
			else {
				logger.info(text, arguments);
			}
		}
	}

	/**
	 * The settings a running UDP listener takes without being bound anew: its source
	 * limits, for the datagrams that come after the change.
	 */
	private static final Set<String> ADJUSTABLE = Set.of("datagramRate", "datagramBurst", "maxAmplification",
			"amplificationAllowance", "blockedSourcePorts", "exemptClients", "clientLimits");

	/**
	 * A bound UDP listener through its lifecycle; it has no sessions to drain. Its guard
	 * is made when it starts, which is when it learns every listener's port.
	 */
	private record BoundUdpListener(String name, ListenerProperties properties, ListenerRoute route,
			DatagramSocket socket, ListenerMetrics metrics,
			AtomicReference<@Nullable DatagramGuard> guard) implements BoundListener {

		/**
		 * New source limits hold the datagrams that come from now on, without a moment
		 * with the port closed; anything else needs the listener bound anew.
		 */
		@Override
		public @Nullable BoundListener adjusted(ListenerProperties next) {
			DatagramGuard running = this.guard.get();
			if (running == null || !BoundListener.differOnlyIn(this.properties, next, ADJUSTABLE)) {
				return null;
			}
			running.change(next);
			return new BoundUdpListener(this.name, next, this.route, this.socket, this.metrics, this.guard);
		}

		@Override
		public int localPort() {
			return this.socket.getLocalPort();
		}

		@Override
		public void start(Set<Integer> wharfPorts) {
			DatagramGuard guard = new DatagramGuard(this.name, this.properties, wharfPorts, this.metrics);
			this.guard.set(guard);
			this.metrics.kernelDrops(KernelDrops.of(this.socket.getLocalPort())::read);
			ListenerDatagramAdapter adapter = new ListenerDatagramAdapter(this.name, this.properties.requiredService(),
					this.socket.getLocalPort(), this.route.headers(), this.metrics, guard, this.route.servedByFlow());
			adapter.setSocket(this.socket);
			adapter.setLookupHost(false);
			// One thread receives and processes; the default pool would add a hand-off.
			adapter.setPoolSize(1);
			this.route.start(adapter, new DatagramReplySender(this.name, this.socket, this.metrics, guard), Map.of());
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
		public Collection<SessionHandle> sessions() {
			return List.of();
		}

		@Override
		public @Nullable SessionHandle session(String id) {
			return null;
		}

		@Override
		public Broadcast broadcast(Audience audience, List<byte[]> frames) {
			return new Broadcast(0, 0, 0, 0);
		}

	}

}
