package io.wharf.conversation;

/**
 * Connection lifecycle moments a transport reports to its service as a message, so that a
 * service can speak first (welcome) or last (idle farewell).
 */
public enum ConversationEvent {

	/** A TCP connection was accepted; sent before its first read. */
	OPENED,

	/**
	 * A TCP connection sent nothing for the listener's idle timeout; it is closed next.
	 */
	IDLE,

	/** The server is shutting down; the connection is closed next. */
	DRAINING,

	/**
	 * A TCP connection closed; nothing can be sent any more.
	 */
	CLOSED

}
