package io.wharf.transport;

import java.util.concurrent.atomic.AtomicLong;

/**
 * How sessions are named: {@code <listener port>-<number>} in a single process, numbered
 * from 1; cluster mode puts the instance's id in front, so that a session's id says where
 * it lives.
 */
@FunctionalInterface
public interface SessionIds {

	/**
	 * The id of a session that opens.
	 * @param port the listener's port
	 * @return an id unique in the process (in cluster mode, in the cluster), safe in a
	 * URL path
	 */
	String next(int port);

	/**
	 * The ids of a single process: {@code 21000-2f}.
	 * @return the ids
	 */
	static SessionIds local() {
		AtomicLong numbers = new AtomicLong();
		return (port) -> port + "-" + Long.toHexString(numbers.incrementAndGet());
	}

}
