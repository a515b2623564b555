package io.wharf.transport.tcp.connection;

import java.time.Duration;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;

import io.wharf.config.ListenerProperties;

/**
 * The time limits of one TCP listener's sessions, in nanoseconds, 0 for none: silence
 * ({@code idle-timeout}), an unfinished frame ({@code frame-timeout}), replies not taken
 * ({@code write-timeout}) and age ({@code max-connection-age}).
 *
 * @param idle the idle timeout
 * @param frame the frame timeout
 * @param write the write timeout
 * @param maxAge the maximum connection age
 */
public record Deadlines(long idle, long frame, long write, long maxAge) {

	private static final long MIN_INTERVAL = TimeUnit.MILLISECONDS.toNanos(10);

	private static final long MAX_INTERVAL = TimeUnit.SECONDS.toNanos(1);

	public static Deadlines of(ListenerProperties properties) {
		return new Deadlines(nanos(properties.idleTimeout()), nanos(properties.frameTimeout()),
				nanos(properties.writeTimeout()), nanos(properties.maxConnectionAge()));
	}

	private static long nanos(Duration duration) {
		return duration.toNanos();
	}

	/**
	 * The idle timeout as configured, for the service's idle event.
	 * @return the idle timeout
	 */
	public Duration idleTimeout() {
		return Duration.ofNanos(this.idle);
	}

	/**
	 * How often the sessions are looked at: a quarter of the shortest limit, within 10 ms
	 * and 1 s; each limit is thus kept to within a quarter of itself or a second.
	 * @return the interval, or 0 when there is no limit at all
	 */
	public long sweepInterval() {
		long shortest = Long.MAX_VALUE;
		for (long limit : new long[] { this.idle, this.frame, this.write, this.maxAge }) {
			if (limit > 0) {
				shortest = Math.min(shortest, limit);
			}
		}
		return (shortest == Long.MAX_VALUE) ? 0 : Math.max(MIN_INTERVAL, Math.min(MAX_INTERVAL, shortest / 4));
	}

	/**
	 * One session's age limit: the maximum age less up to a tenth at random, so clients
	 * connected together do not all reconnect together.
	 * @return nanoseconds, or {@link Long#MAX_VALUE} for no limit
	 */
	public long ageLimit() {
		if (this.maxAge <= 0) {
			return Long.MAX_VALUE;
		}
		return this.maxAge - ThreadLocalRandom.current().nextLong(this.maxAge / 10 + 1);
	}

}
