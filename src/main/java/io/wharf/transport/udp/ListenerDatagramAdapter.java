package io.wharf.transport.udp;

import java.io.IOException;
import java.net.DatagramPacket;
import java.net.InetSocketAddress;
import java.util.Arrays;
import java.util.HashMap;
import java.util.Map;

import io.wharf.conversation.ConversationMessages;
import io.wharf.conversation.ServiceAdapter;
import io.wharf.observe.ListenerMetrics;
import io.wharf.observe.LogThrottle;
import io.wharf.observe.tracing.ListenerTraces;
import io.wharf.observe.tracing.MessageTrace;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.integration.ip.IpHeaders;
import org.springframework.integration.ip.udp.inbound.UnicastReceivingChannelAdapter;
import org.springframework.messaging.Message;

/**
 * Spring Integration's unicast UDP adapter, processing each datagram on the receiving
 * thread (in order, with no hand-off to a pool) from one reused buffer, and delivering
 * empty datagrams too, which RFC 862 echoes like any other.
 */
class ListenerDatagramAdapter extends UnicastReceivingChannelAdapter {

	private static final Logger logger = LoggerFactory.getLogger(ListenerDatagramAdapter.class);

	private final String listener;

	private final String service;

	private final LogThrottle throttle = new LogThrottle();

	private final Map<String, Object> headers;

	private final ListenerMetrics metrics;

	private final DatagramGuard guard;

	private final boolean stamped;

	private final DatagramPacket packet = new DatagramPacket(new byte[UdpTransport.MAX_DATAGRAM],
			UdpTransport.MAX_DATAGRAM);

	ListenerDatagramAdapter(String listener, String service, int port, Map<String, Object> headers,
			ListenerMetrics metrics, DatagramGuard guard, boolean stamped) {
		super(port);
		this.stamped = stamped;
		this.listener = listener;
		this.service = service;
		this.headers = headers;
		this.metrics = metrics;
		this.guard = guard;
	}

	@Override
	protected DatagramPacket receive() throws IOException {
		this.packet.setLength(UdpTransport.MAX_DATAGRAM);
		getSocket().receive(this.packet);
		return this.packet;
	}

	@Override
	protected boolean asyncSendMessage(DatagramPacket datagram) {
		doSend(datagram);
		return true;
	}

	@Override
	protected void doSend(DatagramPacket datagram) {
		if (!this.guard.admit((InetSocketAddress) datagram.getSocketAddress(), datagram.getData(), datagram.getOffset(),
				datagram.getLength())) {
			return;
		}
		byte[] payload = Arrays.copyOfRange(datagram.getData(), datagram.getOffset(),
				datagram.getOffset() + datagram.getLength());
		// One map becomes the message's headers; a message builder would copy them twice
		// more.
		Map<String, Object> headers = new HashMap<>(this.headers);
		headers.put(IpHeaders.IP_ADDRESS, datagram.getAddress().getHostAddress());
		headers.put(IpHeaders.PORT, datagram.getPort());
		headers.put(IpHeaders.PACKET_ADDRESS, datagram.getSocketAddress());
		Message<byte[]> message = ConversationMessages.of(payload, headers, this.stamped);
		this.metrics.messageReceived();
		this.metrics.bytesReceived(payload.length);
		InetSocketAddress sender = (InetSocketAddress) datagram.getSocketAddress();
		ListenerTraces traces = this.metrics.traces();
		// In the datagram's trace, so that a sampled one is the latency histogram's
		// exemplar.
		try (MessageTrace trace = (traces != null) ? traces.message("datagram", null, sender, payload.length) : null) {
			serve(message, sender, payload.length, traces);
		}
	}

	private void serve(Message<byte[]> message, InetSocketAddress sender, int length, @Nullable ListenerTraces traces) {
		long start = System.nanoTime();
		try {
			sendMessage(message);
			this.metrics.processed(System.nanoTime() - start);
		}
		catch (RuntimeException ex) {
			this.metrics.error("handler");
			this.metrics.datagramDropped("handler");
			Throwable thrown = ServiceAdapter.thrown(ex);
			if (traces != null) {
				traces.failed(thrown);
			}
			// One line with the stack trace, so that a person finds the line of their own
			// code; at most one per 10 seconds, the rest at DEBUG.
			long heldBack = this.throttle.admit("service failed");
			if (heldBack >= 0) {
				logger.warn("Listener '{}' dropped a {} byte datagram from {} after its service '{}' threw {}{}",
						this.listener, length, sender, this.service, thrown,
						(heldBack > 0) ? " (" + heldBack + " more in the last 10 s)" : "", thrown);
			}
			else {
				logger.debug("Listener '{}' dropped a {} byte datagram from {} after its service '{}' threw {}",
						this.listener, length, sender, this.service, thrown, thrown);
			}
		}
	}

}
