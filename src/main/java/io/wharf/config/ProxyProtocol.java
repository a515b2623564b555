package io.wharf.config;

import java.util.Locale;

/**
 * Whether a TCP listener expects the PROXY protocol header (v1 or v2) that a load
 * balancer such as HAProxy or an AWS NLB puts before a client's bytes to say who the
 * client is.
 */
public enum ProxyProtocol {

	/** No header: the peer is the client. */
	OFF,

	/**
	 * Every connection starts with a header, from one of the trusted proxies; others are
	 * refused.
	 */
	ON,

	/**
	 * A header is read when a connection starts with one (from a trusted proxy); other
	 * connections are clients themselves.
	 */
	OPTIONAL;

	/**
	 * The word used in configuration.
	 * @return e.g. {@code optional}
	 */
	public String label() {
		return name().toLowerCase(Locale.ROOT);
	}

}
