package io.wharf.transport.udp;

import java.io.IOException;
import java.net.DatagramPacket;
import java.net.InetSocketAddress;
import java.util.Arrays;
import java.util.HashMap;
import java.util.Map;

import io.wharf.observe.ListenerMetrics;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.integration.ip.IpHeaders;
import org.springframework.integration.ip.udp.inbound.UnicastReceivingChannelAdapter;
import org.springframework.messaging.Message;
import org.springframework.messaging.support.GenericMessage;

/**
 * Spring Integration's unicast UDP adapter, processing each datagram on the receiving
 * thread (in order, with no hand-off to a pool) from one reused buffer, and delivering
 * empty datagrams too, which RFC 862 echoes like any other.
 */
class ListenerDatagramAdapter extends UnicastReceivingChannelAdapter {

	private static final Logger logger = LoggerFactory.getLogger(ListenerDatagramAdapter.class);

	private final String listener;

	private final Map<String, Object> headers;

	private final ListenerMetrics metrics;

	private final DatagramGuard guard;

	private final DatagramPacket packet = new DatagramPacket(new byte[UdpTransport.MAX_DATAGRAM],
			UdpTransport.MAX_DATAGRAM);

	ListenerDatagramAdapter(String listener, int port, Map<String, Object> headers, ListenerMetrics metrics,
			DatagramGuard guard) {
		super(port);
		this.listener = listener;
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
		if (!this.guard.admit((InetSocketAddress) datagram.getSocketAddress(), datagram.getLength())) {
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
		Message<byte[]> message = new GenericMessage<>(payload, headers);
		this.metrics.messageReceived();
		this.metrics.bytesReceived(payload.length);
		long start = System.nanoTime();
		try {
			sendMessage(message);
			this.metrics.processed(System.nanoTime() - start);
		}
		catch (RuntimeException ex) {
			this.metrics.error("handler");
			this.metrics.datagramDropped("handler");
			logger.warn("Listener '{}' failed to handle a {} byte datagram from {}: {}", this.listener, payload.length,
					datagram.getSocketAddress(), ex.toString());
		}
	}

}
