package io.wharf.transport.udp;

import java.net.DatagramSocket;
import java.util.List;
import java.util.Map;

import io.wharf.observe.ListenerMetrics;
import io.wharf.transport.BoundListener;
import io.wharf.transport.ListenerFlows;
import io.wharf.transport.ListenerProperties;
import io.wharf.transport.ListenerSockets;

import org.springframework.integration.dsl.IntegrationFlow;

/**
 * Builds a UDP listener: a bound socket, an inbound adapter feeding the service channel,
 * and replies sent from the same socket.
 */
public final class UdpListenerFlows {

	/** Room for the largest UDP payload, so no datagram is truncated. */
	static final int MAX_DATAGRAM = 65_535;

	private UdpListenerFlows() {
	}

	/**
	 * Binds the listener's socket and prepares its flows.
	 * @param name the listener name
	 * @param properties the listener
	 * @param metrics the listener's meters
	 * @return the bound listener
	 */
	public static BoundListener bind(String name, ListenerProperties properties, ListenerMetrics metrics) {
		DatagramSocket socket = ListenerSockets.bindUdp(name, properties);
		ListenerFlows route = new ListenerFlows(name, properties);
		ListenerDatagramAdapter adapter = new ListenerDatagramAdapter(name, socket.getLocalPort(), route.headers(),
				metrics);
		adapter.setSocket(socket);
		adapter.setLookupHost(false);
		// One thread receives and processes; the default pool would add a hand-off.
		adapter.setPoolSize(1);
		IntegrationFlow replies = route.serving(adapter, new DatagramReplySender(name, socket, metrics));
		return new BoundListener(name, properties, socket.getLocalPort(), List.of(replies),
				Map.of(name + ".inbound", adapter), socket::close, Map.of(), () -> {
				});
	}

}
