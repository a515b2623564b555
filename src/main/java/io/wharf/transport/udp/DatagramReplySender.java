package io.wharf.transport.udp;

import java.io.IOException;
import java.net.DatagramPacket;
import java.net.DatagramSocket;
import java.net.InetSocketAddress;

import io.wharf.conversation.Replies;
import io.wharf.observe.ListenerMetrics;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.integration.ip.IpHeaders;
import org.springframework.messaging.Message;
import org.springframework.messaging.MessageHandler;

/**
 * Sends each reply as one datagram (its frames joined), from the listener's own socket,
 * to the sender of the datagram it answers; a reply is read the one way every transport
 * reads replies.
 */
class DatagramReplySender implements MessageHandler {

	private static final Logger logger = LoggerFactory.getLogger(DatagramReplySender.class);

	private final String listener;

	private final DatagramSocket socket;

	private final ListenerMetrics metrics;

	private final DatagramGuard guard;

	DatagramReplySender(String listener, DatagramSocket socket, ListenerMetrics metrics, DatagramGuard guard) {
		this.listener = listener;
		this.socket = socket;
		this.metrics = metrics;
		this.guard = guard;
	}

	@Override
	public void handleMessage(Message<?> message) {
		InetSocketAddress destination = message.getHeaders().get(IpHeaders.PACKET_ADDRESS, InetSocketAddress.class);
		if (destination == null) {
			logger.warn("Listener '{}' dropped a reply without a destination", this.listener);
			return;
		}
		byte[] bytes = Replies.of(message.getPayload()).joined();
		if (!this.guard.mayReply(destination, bytes)) {
			return;
		}
		try {
			this.socket.send(new DatagramPacket(bytes, bytes.length, destination));
			this.metrics.messagesSent(1);
			this.metrics.bytesSent(bytes.length);
		}
		catch (IOException ex) {
			this.metrics.datagramDropped("send_failed");
			logger.warn("Listener '{}' could not send a {} byte datagram to {}: {}", this.listener, bytes.length,
					destination, ex.getMessage());
		}
	}

}
