package io.wharf.transport.tcp.admission;

import java.net.InetAddress;
import java.time.Duration;
import java.util.concurrent.TimeUnit;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;

/**
 * A token bucket per client address for new connections: {@code burst} at once, then
 * {@code rate} per second. The table is a bounded, concurrent cache: an address not seen
 * for as long as its bucket takes to fill again is forgotten (it would start full
 * anyway), and under a flood from many addresses the least used ones go first, which
 * bounds memory; one pushed out starts again with a full bucket.
 */
final class ConnectionRates {

	static final int MAX_CLIENTS = 65_536;

	private final double perNano;

	private final double burst;

	private final Cache<InetAddress, Bucket> buckets;

	ConnectionRates(int rate, int burst) {
		this.perNano = rate / (double) TimeUnit.SECONDS.toNanos(1);
		this.burst = Math.max(1, burst);
		long refill = (long) Math.ceil(this.burst / this.perNano);
		this.buckets = Caffeine.newBuilder()
			.maximumSize(MAX_CLIENTS)
			.expireAfterAccess(Duration.ofNanos(Math.max(refill, TimeUnit.SECONDS.toNanos(1))))
			// Housekeeping on the calling thread, never on the common pool.
			.executor(Runnable::run)
			.build();
	}

	/**
	 * Takes a token for a new connection.
	 * @param address the client's address
	 * @param now {@link System#nanoTime()}
	 * @return false when the client opens connections faster than allowed
	 */
	boolean take(InetAddress address, long now) {
		return this.buckets.get(address, (key) -> new Bucket(this.burst, now)).take(now, this.perNano, this.burst);
	}

	private static final class Bucket {

		private double tokens;

		private long refilledAt;

		Bucket(double tokens, long now) {
			this.tokens = tokens;
			this.refilledAt = now;
		}

		synchronized boolean take(long now, double perNano, double burst) {
			if (now > this.refilledAt) {
				this.tokens = Math.min(burst, this.tokens + (now - this.refilledAt) * perNano);
				this.refilledAt = now;
			}
			if (this.tokens < 1) {
				return false;
			}
			this.tokens -= 1;
			return true;
		}

	}

}
