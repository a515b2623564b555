package io.wharf.config;

import java.util.Locale;

/**
 * What a listener does when a client goes over one of its per-client limits (connections
 * per address and per network, the connection rate, the datagram rate, the amplification
 * budget).
 */
public enum ClientLimits {

	/** The client is refused (a connection closed, a datagram or reply dropped). */
	ENFORCE,

	/**
	 * Nothing is refused: what would have been is counted and logged, to size the limits
	 * on real traffic before enforcing them.
	 */
	OBSERVE;

	/**
	 * The word used in configuration.
	 * @return e.g. {@code observe}
	 */
	public String label() {
		return name().toLowerCase(Locale.ROOT);
	}

}
