package io.wharf.api;

import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletionStage;

/**
 * The open TCP sessions of every listener, for any bean of the application that needs to
 * reach a connected client: a command pushed to a device, a line said to a chat room, a
 * change sent to watchers. Inject it like any other bean; every method is safe from any
 * thread and never blocks. In cluster mode ({@code wharf.cluster.enabled}) sending,
 * broadcasting and finding reach every instance.
 */
public interface SocketSessions {

	/**
	 * Finds an open session of this instance.
	 * @param id the session's id
	 * @return the session, or empty when no such session is open here
	 */
	Optional<Session> find(String id);

	/**
	 * The open sessions of a listener on this instance, as they are now: cheap, a live
	 * view.
	 * @param listener the listener's name
	 * @return the sessions, in no particular order
	 * @throws IllegalArgumentException when no such listener runs
	 */
	Collection<Session> sessions(String listener);

	/**
	 * Sends frames to one session, wherever it lives. Frames one sender sends to a
	 * session arrive in the order they were sent.
	 * @param id the session's id
	 * @param frames the frames, in order
	 * @return what the session made of them: at once for a session of this instance; for
	 * one on another instance when it answers, or {@link SendResult#UNREACHABLE} after
	 * {@code wharf.cluster.send-timeout}
	 */
	CompletionStage<SendResult> send(String id, byte[]... frames);

	/**
	 * Sends frames to every open session of a listener, on every instance. Frames one
	 * broadcaster sends arrive at each session in the order they were sent.
	 * @param listener the listener's name
	 * @param frames the frames, in order
	 * @return how many sessions took them and how many refused, once every instance
	 * answered or {@code wharf.cluster.send-timeout} passed
	 * @throws IllegalArgumentException when no such listener runs here
	 */
	default CompletionStage<Broadcast> broadcast(String listener, byte[]... frames) {
		return broadcast(Audience.of(listener), frames);
	}

	/**
	 * Sends frames to every open session of a listener but one, on every instance: what a
	 * chat room does with a line one member said.
	 * @param listener the listener's name
	 * @param except the id of the session left out
	 * @param frames the frames, in order
	 * @return as {@link #broadcast(String, byte[]...)}
	 * @throws IllegalArgumentException when no such listener runs here
	 */
	default CompletionStage<Broadcast> broadcastExcept(String listener, String except, byte[]... frames) {
		return broadcast(Audience.of(listener).except(except), frames);
	}

	/**
	 * Sends frames to the sessions of an audience, on every instance: a listener's
	 * sessions, but one, with an attribute, or with an attribute's value.
	 * @param audience which sessions
	 * @param frames the frames, in order
	 * @return as {@link #broadcast(String, byte[]...)}
	 * @throws IllegalArgumentException when the audience's listener does not run here
	 */
	CompletionStage<Broadcast> broadcast(Audience audience, byte[]... frames);

	/**
	 * Finds an open session anywhere in the cluster.
	 * @param id the session's id
	 * @return where it is, or empty when no such session is open
	 */
	CompletionStage<Optional<SessionInfo>> locate(String id);

	/**
	 * The open sessions of a listener on every instance, with their attributes.
	 * @param listener the listener's name
	 * @return the sessions, by instance then id
	 */
	CompletionStage<List<SessionInfo>> list(String listener);

	/**
	 * How many sessions a listener has open, by instance.
	 * @param listener the listener's name
	 * @return instance id to open sessions
	 */
	CompletionStage<Map<String, Integer>> count(String listener);

	/**
	 * What became of a broadcast.
	 *
	 * @param sent sessions that queued the frames
	 * @param busy sessions that refused them because their client is not reading
	 * @param gone sessions that closed meanwhile
	 * @param unreachable instances that did not answer in time (cluster mode); 0 in a
	 * single process
	 */
	record Broadcast(int sent, int busy, int gone, int unreachable) {

		/**
		 * Adds another instance's counts.
		 * @param other its counts
		 * @return the sum
		 */
		public Broadcast plus(Broadcast other) {
			return new Broadcast(this.sent + other.sent, this.busy + other.busy, this.gone + other.gone,
					this.unreachable + other.unreachable);
		}

	}

}
