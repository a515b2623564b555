package io.wharf.api;

import java.util.Optional;

/**
 * The open TCP sessions of every listener, for any bean of the application that needs to
 * reach a connected client: a command pushed to a device, a change sent to watchers.
 * Inject it like any other bean.
 */
public interface SocketSessions {

	/**
	 * Finds an open session.
	 * @param id the session's id
	 * @return the session, or empty when no such session is open
	 */
	Optional<Session> find(String id);

	/**
	 * Sends frames to one session.
	 * @param id the session's id
	 * @param frames the frames, in order
	 * @return {@link SendResult#GONE} when no such session is open, otherwise what the
	 * session made of them
	 */
	default SendResult send(String id, byte[]... frames) {
		return find(id).map((session) -> session.send(frames)).orElse(SendResult.GONE);
	}

	/**
	 * Sends frames to every open session of a listener.
	 * @param listener the listener's name
	 * @param frames the frames, in order
	 * @return how many sessions took them and how many refused
	 * @throws IllegalArgumentException when no such listener runs
	 */
	Broadcast broadcast(String listener, byte[]... frames);

	/**
	 * What became of a broadcast.
	 *
	 * @param sent sessions that queued the frames
	 * @param busy sessions that refused them because their client is not reading
	 * @param gone sessions that closed meanwhile
	 */
	record Broadcast(int sent, int busy, int gone) {

	}

}
