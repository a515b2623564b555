package io.wharf.transport;

import io.wharf.config.Protocol;
import io.wharf.observe.ListenerMetrics;

/**
 * Binds listeners of one protocol: the one seam between {@link Listeners}, which runs the
 * lifecycle, and the TCP and UDP transports, which know sockets.
 */
public interface ListenerTransport {

	/**
	 * The protocol this transport serves.
	 * @return tcp or udp
	 */
	Protocol protocol();

	/**
	 * Binds a listener's socket, accepting nothing yet.
	 * @param route the listener's name, settings and way to its service
	 * @param metrics the listener's meters
	 * @return the bound listener
	 * @throws ListenerBindException when the socket cannot be bound
	 */
	BoundListener bind(ListenerRoute route, ListenerMetrics metrics);

}
