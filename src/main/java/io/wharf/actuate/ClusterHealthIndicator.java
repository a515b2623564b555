package io.wharf.actuate;

import java.util.LinkedHashMap;
import java.util.Map;

import io.wharf.cluster.ClusterState;

import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.HealthIndicator;

/**
 * The {@code cluster} health component, in cluster mode: UP while this instance reaches
 * Redis (its last heartbeat succeeded, and with it its subscriptions), DOWN with the
 * reason otherwise. Not part of the readiness group: an instance that lost Redis still
 * serves its own clients, and losing Redis must never take every pod out of service.
 */
class ClusterHealthIndicator implements HealthIndicator {

	private final ClusterState state;

	ClusterHealthIndicator(ClusterState state) {
		this.state = state;
	}

	@Override
	public Health health() {
		Map<String, Object> details = new LinkedHashMap<>();
		details.put("cluster", this.state.name());
		details.put("instance", this.state.instance());
		details.put("instances", this.state.instances().size());
		if (this.state.lastHeartbeat() > 0) {
			details.put("heartbeatAgeMillis", System.currentTimeMillis() - this.state.lastHeartbeat());
		}
		if (this.state.problem() != null) {
			details.put("problem", this.state.problem());
		}
		return (this.state.connected() ? Health.up() : Health.down()).withDetails(details).build();
	}

}
