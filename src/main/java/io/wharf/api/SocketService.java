package io.wharf.api;

import java.time.Duration;

import org.jspecify.annotations.Nullable;

/**
 * A service that a listener's clients talk to: implement it as a Spring bean and name the
 * bean in {@code wharf.listeners.<name>.service}. Framing, limits, meters, logs, health
 * and the sockets endpoint come with the listener.
 * <p>
 * Every method is called on the connection's I/O thread, one call at a time per session:
 * answer at once through the {@link Answer}, keep per-session data in the state this
 * service returns from {@link #opened}, and never block. Work that takes time belongs on
 * a thread of your own, which answers later through {@link Session#send}. An exception
 * closes that session only (counted as a {@code handler} error).
 *
 * @param <S> the state this service keeps per TCP session, or {@link Void} for none
 */
public interface SocketService<S> {

	/**
	 * A listener that serves this service started, before its first client; called once
	 * per listener, at start-up.
	 * @param listener the listener's name under {@code wharf.listeners}
	 * @param protocol {@code tcp} or {@code udp}
	 */
	default void listening(String listener, String protocol) {
	}

	/**
	 * A TCP session opened, before its first frame. The service may speak first.
	 * @param session the session
	 * @param answer frames to send now
	 * @return the state this service keeps for the session, passed to every later call;
	 * may be null
	 */
	default @Nullable S opened(Session session, Answer answer) {
		return null;
	}

	/**
	 * A frame arrived on a TCP session. Every service that a TCP listener names
	 * implements it (a listener refuses to start with one that does not); a UDP-only
	 * service need not.
	 * @param session the session
	 * @param state what {@link #opened} returned for it
	 * @param frame the frame's bytes, framing removed
	 * @param answer frames to send in reply, and whether to close after them
	 */
	default void received(Session session, @Nullable S state, byte[] frame, Answer answer) {
	}

	/**
	 * The session sent nothing for its listener's idle timeout: it closes after this call
	 * and the answer, unless the service keeps it ({@link Answer#keepOpen()}, after a
	 * keep-alive, say), when the timeout starts again.
	 * @param session the session
	 * @param state the session's state
	 * @param timeout the idle timeout that passed
	 * @param answer last words, or a keep-alive
	 */
	default void idle(Session session, @Nullable S state, Duration timeout, Answer answer) {
	}

	/**
	 * The server is shutting down: the session's last words, after which it closes.
	 * Called for every open session once the listeners stop accepting, or, for a session
	 * in the middle of a frame, once that frame has been answered.
	 * @param session the session
	 * @param state the session's state
	 * @param answer last words
	 */
	default void draining(Session session, @Nullable S state, Answer answer) {
	}

	/**
	 * The session closed; nothing more can be sent to it.
	 * @param session the session
	 * @param state the session's state
	 * @param reason why it closed
	 */
	default void closed(Session session, @Nullable S state, CloseReason reason) {
	}

	/**
	 * A datagram arrived on a UDP listener; the answer goes back to its sender in one
	 * datagram. Every service that a UDP listener names implements it (a listener refuses
	 * to start with one that does not); a TCP-only service need not.
	 * @param datagram the datagram
	 * @param answer what to send back
	 */
	default void datagram(Datagram datagram, Answer answer) {
	}

	/**
	 * What an operator sees of a session's state in {@code /actuator/sockets/<listener>}.
	 * @param state the session's state
	 * @return a short word such as {@code awaiting_name}, or null to show none
	 */
	default @Nullable String describe(@Nullable S state) {
		return null;
	}

}
