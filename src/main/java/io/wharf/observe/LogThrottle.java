package io.wharf.observe;

import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;

/**
 * Keeps a misbehaving client, or a flood of clients, from flooding the log: per kind of
 * line, at most a number of lines per interval (by default one per 10 seconds); the rest
 * go to DEBUG and are counted, and the next line admitted says how many were held back.
 * The meters count every occurrence.
 */
public final class LogThrottle {

	private final long intervalNanos;

	private final int linesPerInterval;

	private final Map<String, Window> windows = new ConcurrentHashMap<>();

	/** One line per kind per 10 seconds, for warnings. */
	public LogThrottle() {
		this(1, Duration.ofSeconds(10));
	}

	/**
	 * A throttle of the given rate, for lines such as one per session.
	 * @param linesPerInterval lines of a kind admitted per interval
	 * @param interval the interval
	 */
	public LogThrottle(int linesPerInterval, Duration interval) {
		this.linesPerInterval = linesPerInterval;
		this.intervalNanos = interval.toNanos();
	}

	/**
	 * Whether this occurrence may be logged at its level.
	 * @param kind the kind of line
	 * @return the number of occurrences held back since the last admitted line, or -1 to
	 * log at DEBUG
	 */
	public long admit(String kind) {
		return this.windows.computeIfAbsent(kind, (key) -> new Window()).admit(System.nanoTime());
	}

	/**
	 * The interval, in words, for the lines that say how many were held back.
	 * @return e.g. {@code 10 s}
	 */
	public String interval() {
		return TimeUnit.NANOSECONDS.toSeconds(this.intervalNanos) + " s";
	}

	private final class Window {

		private long start = System.nanoTime() - LogThrottle.this.intervalNanos;

		private int admitted;

		private long suppressed;

		synchronized long admit(long now) {
			if (now - this.start >= LogThrottle.this.intervalNanos) {
				this.start = now;
				this.admitted = 0;
			}
			if (this.admitted < LogThrottle.this.linesPerInterval) {
				this.admitted++;
				long heldBack = this.suppressed;
				this.suppressed = 0;
				return heldBack;
			}
			this.suppressed++;
			return -1;
		}

	}

}
