package io.wharf.api;

/**
 * Why a TCP session closed; the {@code reason} tag of
 * {@code wharf_connections_closed_total}.
 */
public enum CloseReason {

	/** The client closed or reset the connection. */
	CLIENT_CLOSED,

	/**
	 * The service ended the conversation (the greeting's exit word,
	 * {@link Session#close()}).
	 */
	EXIT,

	/** Nothing was received for the idle timeout. */
	IDLE_TIMEOUT,

	/** The client sent a frame the framing rejects. */
	FRAME_ERROR,

	/** A frame the client began was not complete within the frame timeout. */
	FRAME_TIMEOUT,

	/** The client did not take its replies within the write timeout. */
	WRITE_TIMEOUT,

	/** The connection reached its maximum age, so the client reconnects elsewhere. */
	MAX_AGE,

	/** The server refused the connection. */
	REJECTED,

	/** The server is shutting down. */
	SHUTDOWN,

	/**
	 * An operator closed it ({@code DELETE /actuator/sockets/<listener>/<id>}, or a live
	 * change of the listener's {@code allow} or {@code deny} that refuses its client).
	 */
	CLOSED_BY_OPERATOR,

	/** Anything else. */
	ERROR;

	/**
	 * The value of the {@code reason} tag.
	 * @return e.g. {@code idle_timeout}
	 */
	public String tag() {
		return name().toLowerCase(java.util.Locale.ROOT);
	}

}
