package io.wharf.actuate;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletionException;

import io.wharf.api.SendResult;
import io.wharf.api.SessionInfo;
import io.wharf.cluster.ClusterSessions;
import io.wharf.cluster.ClusterState;
import io.wharf.cluster.InstanceId;

/**
 * What {@code /actuator/sockets} shows of the cluster, in cluster mode: its instances
 * with their heartbeat age and sessions per listener, a listener's sessions on every
 * instance, and an operator's close of a session on any instance.
 */
final class ClusterSockets {

	private final ClusterState state;

	private final ClusterSessions sessions;

	ClusterSockets(ClusterState state, ClusterSessions sessions) {
		this.state = state;
		this.sessions = sessions;
	}

	/** The cluster as this instance knows it at its last heartbeat. */
	Map<String, Object> summary() {
		Map<String, Object> cluster = new LinkedHashMap<>();
		cluster.put("name", this.state.name());
		cluster.put("instance", this.state.instance());
		cluster.put("connected", this.state.connected());
		if (this.state.problem() != null) {
			cluster.put("problem", this.state.problem());
		}
		Map<String, Object> instances = new LinkedHashMap<>();
		this.state.instances()
			.forEach((id, instance) -> instances.put(id, Map.of("heartbeatAgeSeconds",
					instance.heartbeatAgeMillis() / 1000.0, "sessions", instance.sessionsByListener())));
		cluster.put("instances", instances);
		return cluster;
	}

	/**
	 * A listener's sessions on every instance, from the directory.
	 * @param listener the listener
	 * @param addresses whether client addresses may be shown
	 * @return the sessions
	 * @throws CompletionException when the cluster does not answer
	 */
	List<Map<String, Object>> sessions(String listener, boolean addresses) {
		List<Map<String, Object>> described = new ArrayList<>();
		Instant now = Instant.now();
		for (SessionInfo session : this.sessions.list(listener).toCompletableFuture().join()) {
			Map<String, Object> entry = new LinkedHashMap<>();
			entry.put("id", session.id());
			entry.put("instance", session.instance());
			if (addresses) {
				entry.put("remote", session.remote());
			}
			entry.put("ageSeconds", Duration.between(session.openedAt(), now).toSeconds());
			if (!session.attributes().isEmpty()) {
				entry.put("attributes", session.attributes());
			}
			described.add(entry);
		}
		return described;
	}

	/**
	 * Closes a session on the instance that holds it.
	 * @param id the session's id
	 * @return what became of it
	 */
	SendResult close(String id) {
		return this.sessions.closeByOperator(id).toCompletableFuture().join();
	}

	/**
	 * The instance that holds a session, by its id.
	 * @param id the session's id
	 * @return the instance's id, or null
	 */
	static String owner(String id) {
		return InstanceId.owner(id);
	}

}
