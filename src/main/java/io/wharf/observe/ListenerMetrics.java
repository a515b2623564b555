package io.wharf.observe;

import java.time.Duration;
import java.util.Arrays;
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
import io.wharf.api.CloseReason;
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
	public static final List<String> DROP_REASONS = List.of("reserved_port", "wharf_port", "rate_limited",
			"amplification", "handler", "send_failed");

	private final MeterRegistry registry;

	private final Tags tags;

	private final AtomicInteger active = new AtomicInteger();

	private final AtomicInteger up = new AtomicInteger();

	private final @Nullable Counter opened;

	private final Map<String, Counter> closed = new ConcurrentHashMap<>();

	private final Map<String, Counter> errors = new ConcurrentHashMap<>();

	private final Map<String, Counter> dropped = new ConcurrentHashMap<>();

	private final @Nullable Timer duration;

	private final Counter messagesReceived;

	private final Counter messagesSent;

	private final Counter bytesReceived;

	private final Counter bytesSent;

	private final Timer processing;

	private final int limit;

	private final ListenerActivity activity;

	private volatile DoubleSupplier kernelDrops = () -> 0;

	private ListenerMetrics(MeterRegistry registry, String listener, String service, String protocol, int limit) {
		this.registry = registry;
		this.limit = limit;
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
			.publishPercentileHistogram()
			.minimumExpectedValue(Duration.ofNanos(1_000))
			.maximumExpectedValue(Duration.ofSeconds(10))
			.register(registry);
		ERROR_TYPES.forEach(this::errorCounter);
		this.activity = new ListenerActivity(this.messagesReceived, this.messagesSent, this.bytesReceived,
				this.bytesSent, this.active);
		if (protocol.equals("tcp")) {
			Gauge.builder("wharf.connections.active", this.active, AtomicInteger::get)
				.description("Open TCP connections")
				.tags(this.tags)
				.register(registry);
			this.opened = counter("wharf.connections.opened", "TCP connections accepted");
			Gauge.builder("wharf.connections.limit", () -> limit)
				.description("Open TCP connections accepted at most (max-connections)")
				.tags(this.tags)
				.register(registry);
			// Each reason is counted from zero, so that rates exist before the first
			// close.
			Arrays.stream(CloseReason.values()).map(CloseReason::tag).forEach(this::closedCounter);
			this.duration = Timer.builder("wharf.connection.duration")
				.description("How long TCP connections stayed open")
				.tags(this.tags)
				.publishPercentileHistogram()
				.minimumExpectedValue(Duration.ofMillis(1))
				.maximumExpectedValue(Duration.ofHours(1))
				.register(registry);
		}
		else {
			this.opened = null;
			this.duration = null;
			DROP_REASONS.forEach(this::dropCounter);
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

	private Counter counter(String name, String description) {
		return Counter.builder(name).description(description).tags(this.tags).register(this.registry);
	}

	private Counter closedCounter(String reason) {
		return tagged(this.closed, "wharf.connections.closed", "TCP connections closed, by reason", "reason", reason);
	}

	private Counter errorCounter(String type) {
		return tagged(this.errors, "wharf.errors", "Errors, by type", "type", type);
	}

	private Counter dropCounter(String reason) {
		return tagged(this.dropped, "wharf.datagrams.dropped", "UDP datagrams dropped, by reason", "reason", reason);
	}

	private Counter tagged(Map<String, Counter> counters, String name, String description, String tag, String value) {
		return counters.computeIfAbsent(value,
				(key) -> Counter.builder(name)
					.description(description)
					.tags(this.tags)
					.tag(tag, key)
					.register(this.registry));
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

	/**
	 * Open TCP connections accepted at most.
	 * @return the listener's max-connections
	 */
	public int limit() {
		return this.limit;
	}

	/** Counts a connection refused at accept; it never counted as opened. */
	public void connectionRejected() {
		closedCounter("rejected").increment();
	}

	public void connectionOpened() {
		if (this.opened != null) {
			this.opened.increment();
		}
		this.active.incrementAndGet();
	}

	/**
	 * Counts a closed connection; call once per connection.
	 * @param reason why it closed
	 * @param openNanos how long it was open
	 */
	public void connectionClosed(CloseReason reason, long openNanos) {
		this.active.decrementAndGet();
		closedCounter(reason.tag()).increment();
		if (this.duration != null) {
			this.duration.record(openNanos, TimeUnit.NANOSECONDS);
		}
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
		errorCounter(type).increment();
	}

	public void datagramDropped(String reason) {
		dropCounter(reason).increment();
	}

	/**
	 * Where the count of datagrams the kernel dropped comes from (reason {@code kernel}).
	 * @param drops reads the socket's drop counter
	 */
	public void kernelDrops(DoubleSupplier drops) {
		this.kernelDrops = drops;
	}

}
