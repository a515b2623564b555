package io.wharf.system;

import java.util.List;

import io.wharf.api.SendResult;

/**
 * What a transport's connection offers the {@link SessionHandle} that services hold: a
 * way to send later from any thread, and to close.
 */
public interface SessionChannel {

	/**
	 * Queues frames for the connection, from any thread.
	 * @param frames the frames, in order
	 * @return whether they were queued, or why not
	 */
	SendResult sendLater(List<byte[]> frames);

	/**
	 * Whether the connection is open and not closing.
	 * @return true while frames can still be sent
	 */
	boolean isOpen();

	/** Closes the connection once what was queued before is written. */
	void closeLater();

}
