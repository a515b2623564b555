package io.wharf.transport.tcp.connection;

import java.time.Duration;
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
	 * Whether a session has reached its age limit: the maximum age less up to a tenth,
	 * picked from the moment it opened, so that clients connected together do not all
	 * reconnect together. Worked out when asked rather than kept with each session, so
	 * that a changed maximum age applies to the sessions already open too.
	 * @param openedAt when the session opened, in {@link System#nanoTime()}
	 * @param now now, in {@link System#nanoTime()}
	 * @return true once it is due to close
	 */
	public boolean overAge(long openedAt, long now) {
		if (this.maxAge <= 0) {
			return false;
		}
		return now - openedAt >= this.maxAge - Math.floorMod(scrambled(openedAt), this.maxAge / 10 + 1);
	}

	/**
	 * The nanosecond clock's reading, its bits spread evenly (SplitMix64's finalizer).
	 */
	private static long scrambled(long value) {
		long bits = (value ^ (value >>> 30)) * 0xbf58476d1ce4e5b9L;
		bits = (bits ^ (bits >>> 27)) * 0x94d049bb133111ebL;
		return bits ^ (bits >>> 31);
	}

}
