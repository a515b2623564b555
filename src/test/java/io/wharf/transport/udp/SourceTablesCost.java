package io.wharf.transport.udp;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicLong;

/**
 * What a UDP listener's per-source table costs per datagram under a flood of spoofed,
 * distinct source addresses, on two receiving threads at once: the bounded concurrent
 * cache {@link SourceBudgets} uses against the table it replaced (a {@code LinkedHashMap}
 * in access order behind one lock), in alternating rounds, as CPU nanoseconds per
 * datagram and wall nanoseconds per datagram of the two threads together (which shows
 * waiting for the lock, which CPU time does not). {@code --only sources} in the
 * benchmark.
 */
public final class SourceTablesCost {

	private static final int THREADS = 2;

	private static final int ROUNDS = 5;

	private SourceTablesCost() {
	}

	/**
	 * Measures both tables.
	 * @param datagramsPerThread datagrams each thread admits per round, each from a
	 * random address
	 * @return medians per datagram: CPU nanoseconds of the cache, of the locked map, then
	 * wall nanoseconds of the cache, of the locked map
	 */
	public static double[] measure(int datagramsPerThread) throws InterruptedException {
		InetAddress[][] sources = new InetAddress[THREADS][];
		for (int t = 0; t < THREADS; t++) {
			sources[t] = randomAddresses(datagramsPerThread);
		}
		List<Double> cache = new ArrayList<>();
		List<Double> locked = new ArrayList<>();
		List<Double> cacheWall = new ArrayList<>();
		List<Double> lockedWall = new ArrayList<>();
		for (int round = 0; round <= ROUNDS; round++) {
			SourceBudgets budgets = new SourceBudgets(1000, 2000, 3.0, 1024);
			double[] cacheNanos = nanosPerDatagram(sources, (source, now) -> budgets.admit(source, 64, now));
			LockedTable table = new LockedTable(1000, 2000);
			double[] lockedNanos = nanosPerDatagram(sources, table::admit);
			if (round > 0) {
				cache.add(cacheNanos[0]);
				locked.add(lockedNanos[0]);
				cacheWall.add(cacheNanos[1]);
				lockedWall.add(lockedNanos[1]);
			}
		}
		return new double[] { median(cache), median(locked), median(cacheWall), median(lockedWall) };
	}

	private static double[] nanosPerDatagram(InetAddress[][] sources, Admission admission) throws InterruptedException {
		long wallStart = System.nanoTime();
		ThreadMXBean threads = ManagementFactory.getThreadMXBean();
		AtomicLong cpu = new AtomicLong();
		CountDownLatch done = new CountDownLatch(THREADS);
		for (InetAddress[] own : sources) {
			Thread thread = new Thread(() -> {
				long start = threads.getCurrentThreadCpuTime();
				for (InetAddress source : own) {
					admission.admit(source, System.nanoTime());
				}
				cpu.addAndGet(threads.getCurrentThreadCpuTime() - start);
				done.countDown();
			});
			thread.start();
		}
		done.await();
		double datagrams = THREADS * sources[0].length;
		return new double[] { cpu.get() / datagrams, (System.nanoTime() - wallStart) / datagrams };
	}

	private static InetAddress[] randomAddresses(int count) {
		InetAddress[] addresses = new InetAddress[count];
		ThreadLocalRandom random = ThreadLocalRandom.current();
		for (int i = 0; i < count; i++) {
			int address = random.nextInt();
			try {
				addresses[i] = InetAddress.getByAddress(new byte[] { (byte) (address >> 24), (byte) (address >> 16),
						(byte) (address >> 8), (byte) address });
			}
			catch (UnknownHostException ex) {
				throw new IllegalStateException(ex);
			}
		}
		return addresses;
	}

	private static double median(List<Double> values) {
		double[] sorted = values.stream().mapToDouble(Double::doubleValue).sorted().toArray();
		return sorted[sorted.length / 2];
	}

	@FunctionalInterface
	private interface Admission {

		boolean admit(InetAddress source, long now);

	}

	/** The table before: the most recent sources in a map in access order, one lock. */
	private static final class LockedTable {

		private final double perNano;

		private final double burst;

		private final Map<InetAddress, double[]> buckets = new LinkedHashMap<>(1024, 0.75f, true) {

			@Override
			protected boolean removeEldestEntry(Map.Entry<InetAddress, double[]> eldest) {
				return size() > SourceBudgets.MAX_SOURCES;
			}

		};

		LockedTable(int rate, int burst) {
			this.perNano = rate / 1e9;
			this.burst = burst;
		}

		synchronized boolean admit(InetAddress source, long now) {
			double[] bucket = this.buckets.computeIfAbsent(source, (key) -> new double[] { this.burst, now });
			bucket[0] = Math.min(this.burst, bucket[0] + (now - (long) bucket[1]) * this.perNano);
			bucket[1] = now;
			if (bucket[0] < 1) {
				return false;
			}
			bucket[0] -= 1;
			return true;
		}

	}

}
