package io.wharf.cluster;

import java.time.Duration;
import java.util.regex.Pattern;

import io.wharf.config.CheckedProperties;
import io.wharf.config.PropertyChecks;
import org.jspecify.annotations.Nullable;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Cluster mode: several Wharf instances behaving as one to services and operators,
 * through Redis (Spring Boot's {@code spring.data.redis.*} connection).
 *
 * @param enabled Whether this instance joins a cluster; off, Wharf is a single process
 * and needs no Redis.
 * @param name The cluster's name, the prefix of every Redis key and channel it uses, so
 * that several clusters can share one Redis.
 * @param instanceId This instance's id, in every session id it hands out: the pod's name
 * in the Helm chart; the host name and a random suffix when unset.
 * @param sendTimeout How long a send to a session on another instance, a broadcast or a
 * lookup waits for an answer before it completes as unreachable.
 * @param heartbeatInterval How often this instance tells Redis it is alive and refreshes
 * its sessions there.
 * @param instanceTimeout How long an instance that stopped telling Redis it is alive (a
 * pod killed outright) stays in the directory, with its sessions.
 * @param queueCapacity Messages for other instances (and from them) queued at most; a
 * send that finds the queue full completes as unreachable at once.
 */
@ConfigurationProperties("wharf.cluster")
public record ClusterProperties(@DefaultValue("false") boolean enabled, @DefaultValue("wharf") String name,
		@Nullable String instanceId, @DefaultValue("2s") Duration sendTimeout,
		@DefaultValue("5s") Duration heartbeatInterval, @DefaultValue("20s") Duration instanceTimeout,
		@DefaultValue("10000") int queueCapacity) implements CheckedProperties {

	private static final Pattern NAME = Pattern.compile("[A-Za-z0-9][A-Za-z0-9._-]*");

	private static final Pattern INSTANCE_ID = Pattern.compile("[A-Za-z0-9][A-Za-z0-9.-]{0,62}");

	@Override
	public void check(PropertyChecks checks) {
		checks.matches("name", name(), NAME, "must be letters, digits, '.', '-' and '_'");
		checks.matches("instance-id", instanceId(), INSTANCE_ID,
				"must be up to 63 letters, digits, '.' and '-' (no '_', which separates it from the rest of a "
						+ "session id)");
		checks.atLeast("send-timeout", sendTimeout(), Duration.ofMillis(1));
		checks.atLeast("heartbeat-interval", heartbeatInterval(), Duration.ofMillis(100));
		checks.atLeast("instance-timeout", instanceTimeout(), Duration.ofSeconds(1));
		checks.between("queue-capacity", queueCapacity(), 1, 10_000_000);
	}

}
