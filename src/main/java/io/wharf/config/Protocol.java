package io.wharf.config;

/**
 * The transport protocol of a listener.
 */
public enum Protocol {

	/** Connections, framed messages. */
	TCP,

	/** Datagrams, one message each. */
	UDP;

	/**
	 * The lower-case name used in logs, headers and tags.
	 * @return {@code tcp} or {@code udp}
	 */
	public String label() {
		return name().toLowerCase(java.util.Locale.ROOT);
	}

}
