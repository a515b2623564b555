package io.wharf.transport.tcp.proxy;

import java.net.InetSocketAddress;

/**
 * A connection whose client comes in a PROXY header, as the header's handlers see it:
 * decided once, by opening its session for a client or by refusing it. Used on the
 * connection's event loop only.
 */
public interface PendingClient {

	/**
	 * Whether the connection was opened or refused already.
	 * @return true once decided
	 */
	boolean decided();

	/**
	 * Opens the session for the client, if its own limits admit it.
	 * @param client the client the header named, or the peer itself
	 */
	void open(InetSocketAddress client);

	/**
	 * Refuses the connection.
	 * @param cause the cause counted, {@code proxy_header} or {@code untrusted_proxy}
	 * @param why what the log line says
	 */
	void refuse(String cause, String why);

}
