package io.wharf.observe;

/**
 * Why a TCP connection closed.
 */
public enum CloseReason {

	/** The client closed or reset the connection. */
	CLIENT_CLOSED,

	/** The service ended the conversation (an exit word). */
	EXIT,

	/** Nothing was received for the idle timeout. */
	IDLE_TIMEOUT,

	/** The client sent a frame the framing rejects. */
	FRAME_ERROR,

	/** The server refused the connection. */
	REJECTED,

	/** The server is shutting down. */
	SHUTDOWN,

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
