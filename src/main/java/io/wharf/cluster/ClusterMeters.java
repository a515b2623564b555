package io.wharf.cluster;

import java.time.Duration;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.function.ToDoubleFunction;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Tags;
import io.micrometer.core.instrument.Timer;
import io.wharf.cluster.ClusterMessage.Kind;

/**
 * The cluster's meters, which exist only in cluster mode: messages between instances by
 * direction, kind and result, how long a send to another instance takes to be answered,
 * the directory's size, the instances alive, whether this instance reaches the cluster,
 * and its reconnects.
 */
public final class ClusterMeters implements ClusterBus.Drops {

	/** What became of a message this instance sent or received. */
	enum Result {

		/** Published, or received and acted on. */
		OK,

		/** Not published: the queue to Redis was full, or the cluster unreachable. */
		REJECTED,

		/** Publishing failed (Redis did not take it). */
		FAILED,

		/** Dropped unread: its deadline had passed. */
		EXPIRED,

		/** Dropped: the bytes were no message of this version. */
		MALFORMED,

		/** Dropped on arrival: the queue from Redis was full. */
		DROPPED

	}

	/** The kind of what arrived and could not be read. */
	private static final String UNKNOWN = "unknown";

	private final MeterRegistry registry;

	private final Tags tags;

	private final Map<String, Counter> messages = new ConcurrentHashMap<>();

	private final Timer sendLatency;

	private final Counter reconnects;

	ClusterMeters(MeterRegistry registry, ClusterState state, ToDoubleFunction<ClusterState> registered) {
		this.registry = registry;
		this.tags = Tags.of("cluster", state.name());
		for (Kind kind : Kind.values()) {
			for (Result result : Result.values()) {
				counter("out", tag(kind), result);
				counter("in", tag(kind), result);
			}
		}
		counter("in", UNKNOWN, Result.MALFORMED);
		counter("in", UNKNOWN, Result.DROPPED);
		counter("out", UNKNOWN, Result.FAILED);
		counter("out", UNKNOWN, Result.EXPIRED);
		this.sendLatency = Timer.builder("wharf.cluster.send")
			.description("From a send to a session on another instance to its answer")
			.tags(this.tags)
			.serviceLevelObjectives(Duration.ofMillis(1), Duration.ofMillis(5), Duration.ofMillis(25),
					Duration.ofMillis(100), Duration.ofMillis(500), Duration.ofSeconds(2))
			.minimumExpectedValue(Duration.ofNanos(100_000))
			.maximumExpectedValue(Duration.ofSeconds(10))
			.register(registry);
		this.reconnects = Counter.builder("wharf.cluster.reconnects")
			.description("Times this instance reached the cluster again after losing it")
			.tags(this.tags)
			.register(registry);
		Gauge.builder("wharf.cluster.connected", state, (cluster) -> cluster.connected() ? 1 : 0)
			.description("1 while this instance reaches the cluster (its last heartbeat succeeded), 0 otherwise")
			.tags(this.tags)
			.register(registry);
		Gauge.builder("wharf.cluster.instances", state, (cluster) -> cluster.instances().size())
			.description("Instances alive at the last heartbeat, this one included")
			.tags(this.tags)
			.register(registry);
		Gauge.builder("wharf.cluster.directory.sessions", state, registered)
			.description("Sessions of this instance in the cluster's directory")
			.tags(this.tags)
			.register(registry);
	}

	private static String tag(Kind kind) {
		return kind.name().toLowerCase(Locale.ROOT);
	}

	private Counter counter(String direction, String kindTag, Result result) {
		String resultTag = result.name().toLowerCase(Locale.ROOT);
		return this.messages.computeIfAbsent(direction + kindTag + resultTag,
				(key) -> Counter.builder("wharf.cluster.messages")
					.description("Messages between instances, by direction, kind and result")
					.tags(this.tags)
					.tag("direction", direction)
					.tag("kind", kindTag)
					.tag("result", resultTag)
					.register(this.registry));
	}

	void sent(Kind kind, Result result) {
		counter("out", tag(kind), result).increment();
	}

	void received(Kind kind, Result result) {
		counter("in", tag(kind), result).increment();
	}

	/** A message arrived that is no message of this version, so it has no kind. */
	void malformed() {
		counter("in", UNKNOWN, Result.MALFORMED).increment();
	}

	@Override
	public void publishFailed() {
		counter("out", UNKNOWN, Result.FAILED).increment();
	}

	@Override
	public void expiredBeforePublishing() {
		counter("out", UNKNOWN, Result.EXPIRED).increment();
	}

	@Override
	public void droppedOnArrival() {
		counter("in", UNKNOWN, Result.DROPPED).increment();
	}

	void answeredAfter(long nanos) {
		this.sendLatency.record(nanos, TimeUnit.NANOSECONDS);
	}

	void reconnected() {
		this.reconnects.increment();
	}

}
