package io.wharf.observe;

import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

import io.micrometer.core.instrument.MeterRegistry;
import io.wharf.observe.tracing.Tracing;
import org.jspecify.annotations.Nullable;

import org.springframework.context.SmartLifecycle;

/**
 * Every listener's meters, by listener name, and the ticker that keeps their 1, 5 and 15
 * minute rates current while the application runs.
 */
public class MetricsByListener implements SmartLifecycle {

	/** Below the listeners' and the cluster membership's. */
	public static final int PHASE = SmartLifecycle.DEFAULT_PHASE - 10;

	private final MeterRegistry registry;

	private final Map<String, ListenerMetrics> metrics = new ConcurrentHashMap<>();

	private volatile @Nullable ScheduledExecutorService ticker;

	private final @Nullable Tracing tracing;

	public MetricsByListener(MeterRegistry registry) {
		this(registry, null);
	}

	/**
	 * Every listener's meters, and its traces too when tracing is on.
	 * @param registry where meters live
	 * @param tracing where observations go, or null when tracing is off
	 */
	public MetricsByListener(MeterRegistry registry, @Nullable Tracing tracing) {
		this.registry = registry;
		this.tracing = tracing;
	}

	/**
	 * A listener's meters (and traces), registered the first time they are asked for.
	 * @param listener the listener name
	 * @param service the service's name
	 * @param protocol {@code tcp} or {@code udp}
	 * @param limit the listener's max-connections
	 * @return the meters
	 */
	public ListenerMetrics register(String listener, String service, String protocol, int limit) {
		return this.metrics.computeIfAbsent(listener,
				(key) -> ListenerMetrics.of(this.registry, key, service, protocol, limit)
					.traced((this.tracing != null) ? this.tracing.listener(key, service, protocol) : null));
	}

	/**
	 * Removes a listener's meters, every meter tagged with its name: it was removed or is
	 * bound anew with other settings, whose meters start from zero.
	 * @param listener the listener name
	 */
	public void remove(String listener) {
		this.metrics.remove(listener);
		List.copyOf(this.registry.getMeters())
			.stream()
			.filter((meter) -> listener.equals(meter.getId().getTag("listener"))
					&& meter.getId().getName().startsWith("wharf."))
			.forEach(this.registry::remove);
	}

	/**
	 * A listener's meters.
	 * @param listener the listener name
	 * @return the meters, or null if the listener never started
	 */
	public @Nullable ListenerMetrics get(String listener) {
		return this.metrics.get(listener);
	}

	@Override
	public void start() {
		ScheduledExecutorService ticking = Executors.newSingleThreadScheduledExecutor((task) -> {
			Thread thread = new Thread(task, "wharf-rates");
			thread.setDaemon(true);
			return thread;
		});
		ticking.scheduleAtFixedRate(() -> this.metrics.values().forEach(ListenerMetrics::tick), 0, Rates.TICK_SECONDS,
				TimeUnit.SECONDS);
		this.ticker = ticking;
	}

	@Override
	public void stop() {
		ScheduledExecutorService ticking = this.ticker;
		if (ticking != null) {
			ticking.shutdownNow();
			this.ticker = null;
		}
	}

	/**
	 * Starts before the listeners and stops after they drained, so that the drain is
	 * counted.
	 */
	@Override
	public int getPhase() {
		return PHASE;
	}

	@Override
	public boolean isRunning() {
		return this.ticker != null;
	}

}
