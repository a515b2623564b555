package io.wharf.observe;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.DoubleSupplier;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.FunctionCounter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Tags;
import io.micrometer.core.instrument.Timer;
import io.wharf.observe.tracing.ListenerTraces;
import org.jspecify.annotations.Nullable;

/**
 * The meters of one listener, resolved once when the listener starts so that recording on
 * the message path is a field access and an add. Tagged with listener, service and
 * protocol; never with a client address.
 */
public final class ListenerMetrics {

	/** Error types counted from zero. */
	public static final List<String> ERROR_TYPES = List.of("frame_too_large", "malformed_frame", "decode", "handler",
			"bind");

	/** Reasons a UDP listener drops datagrams, counted from zero. */
	public static final List<String> DROP_REASONS = List.of("reserved_port", "wharf_port", "loop", "rate_limited",
			"amplification", "handler", "send_failed");

	/** A TCP listener's per-client limits, refused or let through. */
	public static final List<String> TCP_CLIENT_LIMITS = List.of("per_client", "per_prefix", "client_rate");

	/** A UDP listener's per-source limits, refused or let through. */
	public static final List<String> UDP_CLIENT_LIMITS = List.of("datagram_rate", "amplification");

	/** What is done about a client over a per-client limit. */
	public static final List<String> LIMIT_ACTIONS = List.of("refused", "exempt", "observed");

	private final MeterRegistry registry;

	private final Tags tags;

	private final AtomicInteger active = new AtomicInteger();

	private final AtomicInteger up = new AtomicInteger();

	private final TaggedCounters errors;

	private final @Nullable TaggedCounters dropped;

	private final @Nullable ConnectionMeters connections;

	private final Counter messagesReceived;

	private final Counter messagesSent;

	private final Counter bytesReceived;

	private final Counter bytesSent;

	private final Timer processing;

	private final ListenerActivity activity;

	private volatile DoubleSupplier kernelDrops = () -> 0;

	private @Nullable ListenerTraces traces;

	private final Map<String, Counter> limitsExceeded = new ConcurrentHashMap<>();

	private ListenerMetrics(MeterRegistry registry, String listener, String service, String protocol, int limit) {
		this.registry = registry;
		this.tags = Tags.of("listener", listener, "service", service, "protocol", protocol);
		Gauge.builder("wharf.listener.up", this.up, AtomicInteger::get)
			.description("1 while the listener is bound and accepting, 0 otherwise")
			.tags(this.tags)
			.register(registry);
		this.messagesReceived = counter("wharf.messages.received",
				"Messages received: frames on TCP, datagrams on UDP");
		this.messagesSent = counter("wharf.messages.sent", "Messages sent: frames on TCP, datagrams on UDP");
		this.bytesReceived = Counter.builder("wharf.received")
			.baseUnit("bytes")
			.description("Bytes received")
			.tags(this.tags)
			.register(registry);
		this.bytesSent = Counter.builder("wharf.sent")
			.baseUnit("bytes")
			.description("Bytes sent")
			.tags(this.tags)
			.register(registry);
		this.processing = Timer.builder("wharf.message.processing")
			.description("From a message decoded to its reply written")
			.tags(this.tags)
			// A few buckets by default, at the alert's threshold among them; every bucket
			// with wharf.metrics.histograms (WharfHistograms).
			.serviceLevelObjectives(Duration.ofNanos(100_000), Duration.ofMillis(1), Duration.ofMillis(10),
					Duration.ofMillis(100), Duration.ofMillis(250), Duration.ofSeconds(1))
			.minimumExpectedValue(Duration.ofNanos(1_000))
			.maximumExpectedValue(Duration.ofSeconds(10))
			.register(registry);
		this.errors = new TaggedCounters(registry, "wharf.errors", "Errors, by type", this.tags, "type", ERROR_TYPES);
		this.activity = new ListenerActivity(this.messagesReceived, this.messagesSent, this.bytesReceived,
				this.bytesSent, this.active);
		List<String> limits = protocol.equals("tcp") ? TCP_CLIENT_LIMITS : UDP_CLIENT_LIMITS;
		limits.forEach((clientLimit) -> LIMIT_ACTIONS.forEach((action) -> limitExceeded(clientLimit, action)));
		if (protocol.equals("tcp")) {
			this.connections = new ConnectionMeters(registry, this.tags, this.active, limit);
			this.dropped = null;
		}
		else {
			this.connections = null;
			this.dropped = new TaggedCounters(registry, "wharf.datagrams.dropped", "UDP datagrams dropped, by reason",
					this.tags, "reason", DROP_REASONS);
			FunctionCounter.builder("wharf.datagrams.dropped", this, (meters) -> meters.kernelDrops.getAsDouble())
				.description("UDP datagrams dropped, by reason")
				.tags(this.tags)
				.tag("reason", "kernel")
				.register(registry);
		}
	}

	/**
	 * Resolves a listener's meters.
	 * @param registry where meters live
	 * @param listener the listener name
	 * @param service {@code greeting} or {@code echo}
	 * @param protocol {@code tcp} or {@code udp}
	 * @param limit the listener's max-connections
	 * @return the meters
	 */
	public static ListenerMetrics of(MeterRegistry registry, String listener, String service, String protocol,
			int limit) {
		return new ListenerMetrics(registry, listener, service, protocol, limit);
	}

	/**
	 * The listener's traces.
	 * @return its traces, or null when tracing is off
	 */
	public @Nullable ListenerTraces traces() {
		return this.traces;
	}

	ListenerMetrics traced(@Nullable ListenerTraces traces) {
		this.traces = traces;
		return this;
	}

	private Counter counter(String name, String description) {
		return Counter.builder(name).description(description).tags(this.tags).register(this.registry);
	}

	/** Updates the rates; called every {@link Rates#TICK_SECONDS} seconds. */
	public void tick() {
		this.activity.tick();
	}

	/**
	 * Totals and recent rates, for a person asking how busy the listener is.
	 * @return a summary
	 */
	public Map<String, Object> summary() {
		return this.activity.summary();
	}

	public void up(boolean bound) {
		this.up.set(bound ? 1 : 0);
	}

	public void messageReceived() {
		this.messagesReceived.increment();
	}

	public void messagesReceived(int count) {
		this.messagesReceived.increment(count);
	}

	public void messagesSent(int count) {
		this.messagesSent.increment(count);
	}

	public void bytesReceived(long bytes) {
		this.bytesReceived.increment(bytes);
	}

	public void bytesSent(long bytes) {
		this.bytesSent.increment(bytes);
	}

	public void processed(long nanos) {
		this.processing.record(nanos, TimeUnit.NANOSECONDS);
	}

	public void error(String type) {
		this.errors.increment(type);
	}

	/**
	 * Counts a client over one of its per-client limits, in
	 * {@code wharf_client_limits_exceeded_total}, whose series for the listener's
	 * protocol are registered up front, so that their rates exist from zero.
	 * @param limit one of {@link #TCP_CLIENT_LIMITS} or {@link #UDP_CLIENT_LIMITS}
	 * @param action {@code refused}, {@code observed} ({@code client-limits: observe}) or
	 * {@code exempt} ({@code exempt-clients})
	 */
	public void clientLimitExceeded(String limit, String action) {
		limitExceeded(limit, action).increment();
	}

	private Counter limitExceeded(String limit, String action) {
		return this.limitsExceeded.computeIfAbsent(limit + " " + action,
				(key) -> Counter.builder("wharf.client.limits.exceeded")
					.description("Clients over a per-client limit, by limit and by what was done: refused, "
							+ "observed (client-limits: observe) or let in as exempt (exempt-clients)")
					.tags(this.tags)
					.tag("limit", limit)
					.tag("action", action)
					.register(this.registry));
	}

	public void datagramDropped(String reason) {
		if (this.dropped == null) {
			throw new IllegalStateException("datagrams are dropped on UDP listeners only");
		}
		this.dropped.increment(reason);
	}

	/**
	 * The connection meters of a TCP listener.
	 * @return the meters
	 */
	public ConnectionMeters connections() {
		if (this.connections == null) {
			throw new IllegalStateException("connections are counted on TCP listeners only");
		}
		return this.connections;
	}

	/**
	 * The TLS meters of a TCP listener that serves TLS; only such listeners have them.
	 * @param notAfter when the listener's certificate expires, in seconds since the epoch
	 * @return the meters
	 */
	public TlsMeters tls(DoubleSupplier notAfter) {
		return new TlsMeters(this.registry, this.tags, notAfter);
	}

	/**
	 * Where the count of datagrams the kernel dropped comes from (reason {@code kernel}).
	 * @param drops reads the socket's drop counter
	 */
	public void kernelDrops(DoubleSupplier drops) {
		this.kernelDrops = drops;
	}

}
