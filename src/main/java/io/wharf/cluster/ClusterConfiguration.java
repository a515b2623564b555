package io.wharf.cluster;

import io.micrometer.core.instrument.MeterRegistry;
import io.wharf.transport.Listeners;
import io.wharf.transport.LocalSessions;
import io.wharf.transport.SessionIds;

import org.springframework.boot.autoconfigure.condition.ConditionalOnBooleanProperty;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * Cluster mode, when {@code wharf.cluster.enabled} is true: this instance's identity and
 * session ids, the {@link ClusterSessions} that stand for every instance's sessions, the
 * directory's changes, and the membership that joins and heartbeats; the bus and the
 * directory themselves come from {@code RedisClusterConfiguration}. Off, none of it
 * exists: no thread, no meter, no Redis client.
 */
@Configuration(proxyBeanMethods = false)
@ConditionalOnBooleanProperty("wharf.cluster.enabled")
@EnableConfigurationProperties(ClusterProperties.class)
public class ClusterConfiguration {

	@Bean
	ClusterState wharfClusterState(ClusterProperties properties) {
		return new ClusterState(properties.name(),
				InstanceId.resolve(properties.instanceId(), System.getenv("HOSTNAME")));
	}

	@Bean
	SessionIds wharfClusterSessionIds(ClusterState state) {
		return InstanceId.sessionIds(state.instance());
	}

	@Bean
	ClusterThreads wharfClusterThreads() {
		return new ClusterThreads();
	}

	@Bean
	DirectoryChanges wharfDirectoryChanges(ClusterState state, ClusterProperties properties) {
		return new DirectoryChanges(state, properties.queueCapacity());
	}

	@Bean
	ClusterMeters wharfClusterMeters(MeterRegistry registry, ClusterState state, Listeners listeners) {
		return new ClusterMeters(registry, state,
				(cluster) -> listeners.bound()
					.values()
					.stream()
					.mapToInt((listener) -> listener.sessions().size())
					.sum());
	}

	@Bean
	RemoteCalls wharfRemoteCalls(ClusterThreads threads, ClusterProperties properties) {
		return new RemoteCalls(threads.membership(), properties.queueCapacity());
	}

	@Bean
	ClusterSessions wharfClusterSessions(Listeners listeners, ClusterState state, ClusterBus bus,
			SessionDirectory directory, RemoteCalls calls, ClusterMeters meters, ClusterThreads threads,
			ClusterProperties properties) {
		return new ClusterSessions(new LocalSessions(listeners, state.instance()), state, bus, directory, calls, meters,
				threads.queries(), properties.sendTimeout());
	}

	@Bean
	ClusterMembership wharfClusterMembership(Listeners listeners, ClusterState state, ClusterBus bus,
			SessionDirectory directory, DirectoryChanges changes, RemoteCalls calls, ClusterMeters meters,
			ClusterThreads threads, ClusterProperties properties) {
		ClusterInbox inbox = new ClusterInbox(state, new LocalSessions(listeners, state.instance()), calls, bus,
				meters);
		return new ClusterMembership(state, bus, directory, changes, inbox, listeners, threads.membership(), meters,
				properties.heartbeatInterval());
	}

}
