package io.wharf.transport.tcp.connection;

import io.wharf.api.CloseReason;

/**
 * A session as the {@link DeadlineSweep} watches it: its counts and close state, and what
 * the sweep asks of it when a time limit is overstepped.
 */
public interface SweptConnection extends LoggedConnection {

	/**
	 * What the session counted, with the times the deadlines are measured from.
	 * @return the counts
	 */
	ConnectionCounts counts();

	/**
	 * How the session is closing, if it is.
	 * @return the close state
	 */
	ConnectionClose closeState();

	/**
	 * Runs a task on the session's event loop.
	 * @param task the task
	 */
	void execute(Runnable task);

	/**
	 * Nothing was read for the idle timeout: the service's last words, then the close.
	 */
	void expire();

	/**
	 * Closes for a limit the client overstepped, telling it why on line framing.
	 * @param line the line to send
	 * @param reason the close reason
	 */
	void sayAndClose(String line, CloseReason reason);

}
