package io.wharf.conversation;

/**
 * Message headers that transports set on what they put on a service channel.
 */
public final class ConversationHeaders {

	/** Name of the listener the message arrived on. */
	public static final String LISTENER = "wharf_listener";

	/** {@code tcp} or {@code udp}. */
	public static final String PROTOCOL = "wharf_protocol";

	/** A {@link ConversationEvent}; absent for ordinary data. */
	public static final String EVENT = "wharf_event";

	/**
	 * The idle timeout (a {@link java.time.Duration}) on an
	 * {@link ConversationEvent#IDLE} event.
	 */
	public static final String IDLE_TIMEOUT = "wharf_idleTimeout";

	/**
	 * Why a connection closed, on a {@link ConversationEvent#CLOSED} event: an
	 * {@link io.wharf.api.CloseReason}.
	 */
	public static final String CLOSE_REASON = "wharf_closeReason";

	/**
	 * On a reply to an {@link ConversationEvent#IDLE} event: {@code true} keeps the
	 * session open, and its idle timeout starts again.
	 */
	public static final String KEEP_OPEN = "wharf_keepOpen";

	/** The TCP session a message came from, a {@link SessionHandle}; absent for UDP. */
	public static final String SESSION = "wharf_session";

	private ConversationHeaders() {
	}

}
