package io.wharf.transport;

import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;

import io.wharf.config.ListenerProperties;

/**
 * The socket address a listener binds.
 */
public final class ListenerAddress {

	private ListenerAddress() {
	}

	/**
	 * Resolves a listener's bind address and port.
	 * @param properties the listener
	 * @return the address; the wildcard address when no bind address is set
	 * @throws IOException when the bind address is not a known host
	 */
	public static InetSocketAddress of(ListenerProperties properties) throws IOException {
		String host = properties.bindAddress();
		if (host == null || host.isBlank()) {
			return new InetSocketAddress(properties.requiredPort());
		}
		return new InetSocketAddress(InetAddress.getByName(host), properties.requiredPort());
	}

}
