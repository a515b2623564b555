package io.wharf.observe;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.function.DoubleSupplier;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Tags;
import io.micrometer.core.instrument.Timer;

/**
 * The TLS meters of one TCP listener that serves TLS: handshakes by result, how long the
 * successful ones took, and when the listener's certificate expires.
 */
public final class TlsMeters {

	/** How handshakes end, counted from zero. */
	public static final List<String> RESULTS = List.of("ok", "timeout", "protocol", "certificate",
			"client_certificate_required", "other");

	private final TaggedCounters handshakes;

	private final Timer duration;

	TlsMeters(MeterRegistry registry, Tags tags, DoubleSupplier notAfter) {
		this.handshakes = new TaggedCounters(registry, "wharf.tls.handshakes", "TLS handshakes, by result", tags,
				"result", RESULTS);
		this.duration = Timer.builder("wharf.tls.handshake")
			.description("How long successful TLS handshakes took, from accept")
			.tags(tags)
			.serviceLevelObjectives(Duration.ofMillis(1), Duration.ofMillis(10), Duration.ofMillis(100),
					Duration.ofSeconds(1))
			.minimumExpectedValue(Duration.ofNanos(100_000))
			.maximumExpectedValue(Duration.ofSeconds(10))
			.register(registry);
		Gauge.builder("wharf.tls.certificate.expiry", notAfter::getAsDouble)
			.description("When the listener's certificate expires, in seconds since the epoch")
			.baseUnit("seconds")
			.tags(tags)
			.register(registry);
	}

	/**
	 * Counts a completed handshake.
	 * @param nanos how long it took
	 */
	public void succeeded(long nanos) {
		this.handshakes.increment("ok");
		this.duration.record(nanos, TimeUnit.NANOSECONDS);
	}

	/**
	 * Counts a failed handshake.
	 * @param result one of {@link #RESULTS} other than {@code ok}
	 */
	public void failed(String result) {
		this.handshakes.increment(result);
	}

}
