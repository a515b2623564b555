package io.wharf.cluster;

import io.micrometer.core.instrument.MeterRegistry;
import io.wharf.observe.Meters;
import io.wharf.transport.Listeners;
import io.wharf.transport.LocalSessions;
import io.wharf.transport.SessionIds;

import org.springframework.beans.factory.ObjectProvider;
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
	ClusterMeters wharfClusterMeters(ObjectProvider<MeterRegistry> registries, ClusterState state,
			Listeners listeners) {
		return new ClusterMeters(Meters.registry(registries), state,
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

	/**
	 * The membership, given the listeners through a provider so that Spring records no
	 * dependency on them: one would make the context stop the membership as soon as it
	 * asks the listeners to stop, and count that as the listeners' drain being over. The
	 * membership stops in its own phase, after the drain.
	 */
	@Bean
	ClusterMembership wharfClusterMembership(ObjectProvider<Listeners> listenersProvider, ClusterState state,
			ClusterBus bus, SessionDirectory directory, DirectoryChanges changes, RemoteCalls calls,
			ClusterMeters meters, ClusterThreads threads, ClusterProperties properties) {
		Listeners listeners = listenersProvider.getObject();
		ClusterInbox inbox = new ClusterInbox(state, new LocalSessions(listeners, state.instance()), calls, bus,
				meters);
		return new ClusterMembership(state, bus, directory, changes, inbox, listeners, threads.membership(), meters,
				properties.heartbeatInterval());
	}

}
