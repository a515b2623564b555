package io.wharf.cluster;

import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;

import org.springframework.beans.factory.DisposableBean;
import org.springframework.scheduling.concurrent.CustomizableThreadFactory;

/**
 * The cluster's own threads, which exist only in cluster mode: one for membership
 * (heartbeats, directory writes, timeouts), one for lookups in the directory, so that a
 * long listing never delays a heartbeat.
 */
final class ClusterThreads implements DisposableBean {

	/** Lookups waiting at most; more complete as unreachable at once. */
	private static final int QUERIES = 1000;

	private final ScheduledExecutorService membership = Executors
		.newSingleThreadScheduledExecutor(threads("wharf-cluster-"));

	private final ThreadPoolExecutor queries = new ThreadPoolExecutor(1, 1, 0, TimeUnit.MILLISECONDS,
			new ArrayBlockingQueue<>(QUERIES), threads("wharf-cluster-query-"));

	private static CustomizableThreadFactory threads(String prefix) {
		CustomizableThreadFactory threads = new CustomizableThreadFactory(prefix);
		threads.setDaemon(true);
		return threads;
	}

	ScheduledExecutorService membership() {
		return this.membership;
	}

	ThreadPoolExecutor queries() {
		return this.queries;
	}

	@Override
	public void destroy() {
		this.membership.shutdownNow();
		this.queries.shutdownNow();
	}

}
