package io.wharf.observe;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Keeps a misbehaving client from flooding the log: per listener and kind of problem, at
 * most one WARN line per interval; the rest go to DEBUG and are counted, and the next
 * WARN line says how many were held back. The meters count every occurrence.
 */
public final class LogThrottle {

	private static final long INTERVAL_NANOS = TimeUnit.SECONDS.toNanos(10);

	private final Map<String, Window> windows = new ConcurrentHashMap<>();

	/**
	 * Whether this occurrence may be logged at WARN.
	 * @param kind the kind of problem
	 * @return the number of occurrences held back since the last WARN line, or -1 to log
	 * at DEBUG
	 */
	public long admit(String kind) {
		return this.windows.computeIfAbsent(kind, (key) -> new Window()).admit(System.nanoTime());
	}

	private static final class Window {

		private final AtomicLong lastWarn = new AtomicLong(System.nanoTime() - INTERVAL_NANOS);

		private final AtomicLong suppressed = new AtomicLong();

		long admit(long now) {
			long last = this.lastWarn.get();
			if (now - last >= INTERVAL_NANOS && this.lastWarn.compareAndSet(last, now)) {
				return this.suppressed.getAndSet(0);
			}
			this.suppressed.incrementAndGet();
			return -1;
		}

	}

}
