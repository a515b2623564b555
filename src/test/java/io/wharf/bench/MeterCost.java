package io.wharf.bench;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicLong;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.config.MeterFilter;
import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import io.wharf.observe.ListenerMetrics;

/**
 * What Wharf's meters cost per echoed message, in CPU time: the meter updates the Netty
 * transport makes for one ping-pong exchange, against a Prometheus registry (meters on)
 * and against one that denies Wharf's meters as
 * {@code management.metrics.enable.wharf=false} does (meters off), on two threads at once
 * like the server's two event loops. Far steadier on a shared machine than comparing two
 * servers' throughput.
 */
final class MeterCost {

	private static final int THREADS = 2;

	private static final int ROUNDS = 5;

	private MeterCost() {
	}

	/**
	 * Measures both registries in alternating rounds.
	 * @param roundMillis how long each round runs
	 * @return median CPU nanoseconds per message with meters on and off
	 */
	static Result measure(long roundMillis) throws InterruptedException {
		List<Double> on = new ArrayList<>();
		List<Double> off = new ArrayList<>();
		ListenerMetrics kept = metrics(new PrometheusMeterRegistry(PrometheusConfig.DEFAULT));
		PrometheusMeterRegistry denying = new PrometheusMeterRegistry(PrometheusConfig.DEFAULT);
		denying.config().meterFilter(MeterFilter.denyNameStartsWith("wharf"));
		ListenerMetrics denied = metrics(denying);
		cpuNanosPerMessage(kept, roundMillis);
		cpuNanosPerMessage(denied, roundMillis);
		for (int round = 0; round < ROUNDS; round++) {
			on.add(cpuNanosPerMessage(kept, roundMillis));
			off.add(cpuNanosPerMessage(denied, roundMillis));
		}
		return new Result(Report.median(on.stream().mapToDouble(Double::doubleValue).toArray()),
				Report.median(off.stream().mapToDouble(Double::doubleValue).toArray()));
	}

	private static ListenerMetrics metrics(MeterRegistry registry) {
		return ListenerMetrics.of(registry, "bench", "echo", "tcp", 10_000);
	}

	private static double cpuNanosPerMessage(ListenerMetrics metrics, long millis) throws InterruptedException {
		ThreadMXBean threads = ManagementFactory.getThreadMXBean();
		AtomicLong cpu = new AtomicLong();
		AtomicLong messages = new AtomicLong();
		CountDownLatch done = new CountDownLatch(THREADS);
		long deadline = System.nanoTime() + millis * 1_000_000;
		for (int t = 0; t < THREADS; t++) {
			Thread thread = new Thread(() -> {
				long begin = threads.getCurrentThreadCpuTime();
				long count = 0;
				while (System.nanoTime() < deadline) {
					for (int i = 0; i < 1000; i++) {
						exchange(metrics);
					}
					count += 1000;
				}
				cpu.addAndGet(threads.getCurrentThreadCpuTime() - begin);
				messages.addAndGet(count);
				done.countDown();
			});
			thread.start();
		}
		done.await();
		return (double) cpu.get() / messages.get();
	}

	/** The updates of one 64-byte line echoed, as NettyConnection makes them. */
	private static void exchange(ListenerMetrics metrics) {
		long start = System.nanoTime();
		metrics.bytesReceived(66);
		metrics.processed(System.nanoTime() - start);
		metrics.messagesReceived(1);
		metrics.messagesSent(1);
		metrics.bytesSent(66);
	}

	/**
	 * CPU time per message.
	 *
	 * @param onNanos with Wharf's meters registered in Prometheus
	 * @param offNanos with them denied (no-op meters)
	 */
	record Result(double onNanos, double offNanos) {

	}

}
