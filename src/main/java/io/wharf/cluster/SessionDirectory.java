package io.wharf.cluster;

import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import io.wharf.api.SessionInfo;
import io.wharf.conversation.SessionHandle;

/**
 * Where the cluster keeps track of its instances and their sessions, with heartbeats and
 * expiry: an instance that stops telling the directory it is alive (killed outright)
 * disappears from it, with its sessions, after {@code wharf.cluster.instance-timeout}.
 * Every method may block on the store, and is called on the cluster's own threads only.
 */
public interface SessionDirectory {

	/**
	 * Tells the directory this instance is alive, with how many sessions each listener
	 * has, and keeps its sessions from expiring.
	 * @param sessionsByListener this instance's open sessions, by listener
	 * @return whether the directory still knew this instance: false the first time, and
	 * after the store lost what it held (a restart, a failover, an expiry), when the
	 * instance must write its sessions again
	 */
	boolean heartbeat(Map<String, Integer> sessionsByListener);

	/**
	 * Replaces everything the directory holds of this instance with its sessions now: at
	 * start-up (clearing what an earlier life of the same id left), and after the store
	 * was lost.
	 * @param sessions this instance's open sessions
	 */
	void rebuild(Collection<SessionHandle> sessions);

	/**
	 * Writes what changed since the last call: sessions opened or changed, and closed.
	 * @param changed sessions to write as they are now
	 * @param closed sessions to remove
	 */
	void update(Collection<SessionHandle> changed, Collection<SessionHandle> closed);

	/** Removes this instance and its sessions, when it stops. */
	void leave();

	/**
	 * The instances alive now.
	 * @return instance id to what it last told the directory
	 */
	Map<String, Instance> instances();

	/**
	 * Finds a session.
	 * @param id the session's id
	 * @return where it is, or empty
	 */
	Optional<SessionInfo> locate(String id);

	/**
	 * The sessions of a listener on every live instance.
	 * @param listener the listener's name
	 * @return the sessions
	 */
	List<SessionInfo> list(String listener);

	/**
	 * An instance as the directory knows it.
	 *
	 * @param heartbeatAgeMillis how long ago it last told the directory it is alive
	 * @param sessionsByListener its open sessions, by listener, as of that heartbeat
	 */
	record Instance(long heartbeatAgeMillis, Map<String, Integer> sessionsByListener) {

	}

}
