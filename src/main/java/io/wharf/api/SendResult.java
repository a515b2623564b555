package io.wharf.api;

/**
 * What became of frames sent to a session later, outside a call to its service.
 */
public enum SendResult {

	/** Queued for writing, in order after what was sent before. */
	SENT,

	/**
	 * Refused: the client is not reading what it was sent, and its output buffer is full;
	 * nothing was queued. Try again later or drop it.
	 */
	BUSY,

	/** Refused: the session is closed or closing, or no such session is open anywhere. */
	GONE,

	/**
	 * Not known: in cluster mode, the instance holding the session, or Redis, did not
	 * answer within {@code wharf.cluster.send-timeout}; the frames may or may not have
	 * been delivered.
	 */
	UNREACHABLE

}
