package io.wharf.transport.tcp.admission;

import java.net.InetAddress;

/**
 * Hears of a client that went over one of its limits and was let in all the same: an
 * exempt client, or any client while the listener only observes its limits.
 */
@FunctionalInterface
public interface OverLimit {

	/** Hears nothing. */
	OverLimit NONE = (limit, client, action) -> {
	};

	/**
	 * A client went over a limit and was not refused.
	 * @param limit the limit, as the cause it would have been refused for, such as
	 * {@code client_rate}
	 * @param client the client's address
	 * @param action {@code exempt} (the client is in {@code exempt-clients}) or
	 * {@code observed} ({@code client-limits: observe})
	 */
	void exceeded(String limit, InetAddress client, String action);

}
