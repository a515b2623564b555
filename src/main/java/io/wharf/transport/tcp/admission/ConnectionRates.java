package io.wharf.transport.tcp.admission;

import java.net.InetAddress;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * A token bucket per client address for new connections: {@code burst} at once, then
 * {@code rate} per second. Only the most recently seen addresses are kept; one pushed out
 * starts again with a full bucket, which bounds memory under a flood from many addresses.
 */
final class ConnectionRates {

	static final int MAX_CLIENTS = 65_536;

	private final double perNano;

	private final double burst;

	private final Map<InetAddress, double[]> buckets = new LinkedHashMap<>(1024, 0.75f, true) {

		@Override
		protected boolean removeEldestEntry(Map.Entry<InetAddress, double[]> eldest) {
			return size() > MAX_CLIENTS;
		}

	};

	ConnectionRates(int rate, int burst) {
		this.perNano = rate / (double) TimeUnit.SECONDS.toNanos(1);
		this.burst = Math.max(1, burst);
	}

	/**
	 * Takes a token for a new connection.
	 * @param address the client's address
	 * @param now {@link System#nanoTime()}
	 * @return false when the client opens connections faster than allowed
	 */
	synchronized boolean take(InetAddress address, long now) {
		// [tokens, last refill] in one array: one object per client.
		double[] bucket = this.buckets.computeIfAbsent(address, (key) -> new double[] { this.burst, now });
		bucket[0] = Math.min(this.burst, bucket[0] + (now - (long) bucket[1]) * this.perNano);
		bucket[1] = now;
		if (bucket[0] < 1) {
			return false;
		}
		bucket[0] -= 1;
		return true;
	}

}
