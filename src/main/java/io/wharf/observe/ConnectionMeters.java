package io.wharf.observe;

import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Tags;
import io.micrometer.core.instrument.Timer;
import io.wharf.api.CloseReason;

/**
 * The connection meters of one TCP listener: open, opened, refused by cause, closed by
 * reason, and how long connections stayed.
 */
public final class ConnectionMeters {

	/** Limits that refuse TCP connections at accept, counted from zero. */
	public static final List<String> REJECTION_CAUSES = List.of("max_connections", "process_limit", "per_client",
			"per_prefix", "client_rate", "denied", "untrusted_proxy", "proxy_header");

	private final AtomicInteger active;

	private final Counter opened;

	private final TaggedCounters closed;

	private final TaggedCounters rejected;

	private final Timer duration;

	private volatile int limit;

	ConnectionMeters(MeterRegistry registry, Tags tags, AtomicInteger active, int limit) {
		this.active = active;
		this.limit = limit;
		Gauge.builder("wharf.connections.active", active, AtomicInteger::get)
			.description("Open TCP connections")
			.tags(tags)
			.register(registry);
		this.opened = Counter.builder("wharf.connections.opened")
			.description("TCP connections accepted")
			.tags(tags)
			.register(registry);
		Gauge.builder("wharf.connections.limit", this, (meters) -> meters.limit())
			.description("Open TCP connections accepted at most (max-connections)")
			.tags(tags)
			.register(registry);
		this.closed = new TaggedCounters(registry, "wharf.connections.closed", "TCP connections closed, by reason",
				tags, "reason", Arrays.stream(CloseReason.values()).map(CloseReason::tag).toList());
		this.rejected = new TaggedCounters(registry, "wharf.connections.rejected",
				"TCP connections refused at accept, by the limit that refused them", tags, "cause", REJECTION_CAUSES);
		this.duration = Timer.builder("wharf.connection.duration")
			.description("How long TCP connections stayed open")
			.tags(tags)
			.serviceLevelObjectives(Duration.ofSeconds(1), Duration.ofSeconds(10), Duration.ofMinutes(1),
					Duration.ofMinutes(10), Duration.ofHours(1))
			.minimumExpectedValue(Duration.ofMillis(1))
			.maximumExpectedValue(Duration.ofHours(1))
			.register(registry);
	}

	/**
	 * Open TCP connections accepted at most.
	 * @return the listener's max-connections
	 */
	public int limit() {
		return this.limit;
	}

	/**
	 * The listener's new {@code max-connections}, changed while it runs.
	 * @param limit open TCP connections accepted at most
	 */
	public void limit(int limit) {
		this.limit = limit;
	}

	public void opened() {
		this.opened.increment();
		this.active.incrementAndGet();
	}

	/**
	 * Counts a connection refused at accept; it never counted as opened.
	 * @param cause the limit that refused it, one of {@link #REJECTION_CAUSES}
	 */
	public void rejected(String cause) {
		this.closed.increment(CloseReason.REJECTED.tag());
		this.rejected.increment(cause);
	}

	/**
	 * Counts a closed connection; call once per connection.
	 * @param reason why it closed
	 * @param openNanos how long it was open
	 */
	public void closed(CloseReason reason, long openNanos) {
		this.active.decrementAndGet();
		this.closed.increment(reason.tag());
		this.duration.record(openNanos, TimeUnit.NANOSECONDS);
	}

}
