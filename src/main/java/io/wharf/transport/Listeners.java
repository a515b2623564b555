package io.wharf.transport;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import io.micrometer.core.instrument.MeterRegistry;
import io.wharf.observe.ListenerMetrics;
import io.wharf.transport.tcp.NettyEventLoops;
import io.wharf.transport.tcp.TcpListenerFlows;
import io.wharf.transport.udp.UdpListenerFlows;
import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;

import org.springframework.context.SmartLifecycle;
import org.springframework.integration.dsl.IntegrationFlow;
import org.springframework.integration.dsl.context.IntegrationFlowContext;
import org.springframework.stereotype.Component;

/**
 * Starts every enabled listener: binds all sockets first, so that one port in use fails
 * start-up before any listener serves, then registers each listener's flows.
 */
@Component
public class Listeners implements SmartLifecycle {

	private static final Log logger = LogFactory.getLog(Listeners.class);

	private final ListenersProperties properties;

	private final IntegrationFlowContext flowContext;

	private final NettyEventLoops eventLoops;

	private final MeterRegistry registry;

	private final Map<String, ListenerMetrics> metrics = new java.util.concurrent.ConcurrentHashMap<>();

	/**
	 * Written only by start and stop; read by health checks and the sockets endpoint,
	 * even while draining.
	 */
	private volatile Map<String, BoundListener> bound = Map.of();

	private final List<String> registrations = new ArrayList<>();

	private volatile boolean running;

	private java.util.concurrent.@org.jspecify.annotations.Nullable ScheduledExecutorService ticker;

	Listeners(ListenersProperties properties, IntegrationFlowContext flowContext, NettyEventLoops eventLoops,
			MeterRegistry registry) {
		this.properties = properties;
		this.flowContext = flowContext;
		this.eventLoops = eventLoops;
		this.registry = registry;
	}

	@Override
	public synchronized void start() {
		try {
			Map<String, BoundListener> binding = new LinkedHashMap<>();
			this.bound = binding;
			this.properties.enabled().forEach((name, listener) -> binding.put(name, bind(name, listener)));
			this.bound = java.util.Collections.unmodifiableMap(binding);
		}
		catch (ListenerBindException ex) {
			this.bound.values().forEach((listener) -> listener.release().run());
			this.bound = Map.of();
			throw ex;
		}
		this.bound.values().forEach(this::register);
		this.ticker = java.util.concurrent.Executors.newSingleThreadScheduledExecutor((task) -> {
			Thread thread = new Thread(task, "wharf-rates");
			thread.setDaemon(true);
			return thread;
		});
		this.ticker.scheduleAtFixedRate(() -> this.metrics.values().forEach(ListenerMetrics::tick), 0,
				io.wharf.observe.Rates.TICK_SECONDS, java.util.concurrent.TimeUnit.SECONDS);
		this.running = true;
	}

	private BoundListener bind(String name, ListenerProperties listener) {
		ListenerMetrics meters = this.metrics.computeIfAbsent(name,
				(key) -> ListenerMetrics.of(this.registry, key,
						listener.requiredService().name().toLowerCase(java.util.Locale.ROOT),
						listener.requiredProtocol().label(), listener.maxConnections()));
		try {
			return switch (listener.requiredProtocol()) {
				case TCP -> TcpListenerFlows.bind(name, listener, this.eventLoops, meters);
				case UDP -> UdpListenerFlows.bind(name, listener, meters);
			};
		}
		catch (ListenerBindException ex) {
			meters.error("bind");
			throw ex;
		}
	}

	private void register(BoundListener listener) {
		List<IntegrationFlow> flows = listener.flows();
		for (int i = 0; i < flows.size(); i++) {
			String id = "wharf.listener." + listener.name() + "." + i;
			var registration = this.flowContext.registration(flows.get(i)).id(id);
			if (i == 0) {
				listener.beans().forEach(registration::addBean);
			}
			registration.register();
			this.registrations.add(id);
		}
		this.metrics.get(listener.name()).up(true);
		logger.info("Listener '" + listener.name() + "' serving " + listener.describe());
	}

	@Override
	public void stop(Runnable callback) {
		Thread drain = new Thread(() -> {
			try {
				stop();
			}
			finally {
				callback.run();
			}
		}, "wharf-drain");
		drain.start();
	}

	/**
	 * Stops accepting, lets open TCP sessions finish for up to the drain timeout, then
	 * closes what is left and releases every listener.
	 */
	@Override
	public synchronized void stop() {
		if (!this.running) {
			return;
		}
		this.running = false;
		this.bound.values().forEach((listener) -> listener.stopAccepting().run());
		long deadline = System.nanoTime() + this.properties.drainTimeout().toNanos();
		while (openSessions() > 0 && System.nanoTime() < deadline) {
			try {
				Thread.sleep(50);
			}
			catch (InterruptedException ex) {
				Thread.currentThread().interrupt();
				break;
			}
		}
		if (openSessions() > 0) {
			logger.info("Closing " + openSessions() + " sessions still open after the drain timeout ("
					+ this.properties.drainTimeout() + ", wharf.drain-timeout)");
		}
		if (this.ticker != null) {
			this.ticker.shutdownNow();
		}
		for (int i = this.registrations.size() - 1; i >= 0; i--) {
			this.flowContext.remove(this.registrations.get(i));
		}
		this.registrations.clear();
		this.bound = Map.of();
		this.metrics.values().forEach((meters) -> meters.up(false));
	}

	private int openSessions() {
		return this.bound.values().stream().mapToInt((listener) -> listener.sessions().size()).sum();
	}

	@Override
	public boolean isRunning() {
		return this.running;
	}

	/**
	 * The port a running listener is bound to.
	 * @param name the listener name
	 * @return the local port, useful when the configured port is 0
	 */
	public int port(String name) {
		BoundListener listener = this.bound.get(name);
		if (listener == null) {
			throw new IllegalArgumentException(
					"No running listener named '" + name + "'; running: " + this.bound.keySet());
		}
		return listener.localPort();
	}

	/**
	 * What an operator first wants to know of a listener: protocol, port, service, state.
	 * @param name the listener name
	 * @param listener its configuration
	 * @return the description, in a stable order
	 */
	public Map<String, Object> describe(String name, ListenerProperties listener) {
		BoundListener running = bound().get(name);
		Map<String, Object> detail = new LinkedHashMap<>();
		detail.put("protocol", listener.requiredProtocol().label());
		detail.put("port", (running != null) ? running.localPort() : listener.requiredPort());
		detail.put("service", listener.requiredService().name().toLowerCase(java.util.Locale.ROOT));
		detail.put("state", (running != null) ? "bound" : "not bound");
		return detail;
	}

	/**
	 * A listener's meters.
	 * @param name the listener name
	 * @return the meters, or {@code null} if the listener never started
	 */
	public @org.jspecify.annotations.Nullable ListenerMetrics metrics(String name) {
		return this.metrics.get(name);
	}

	/**
	 * The running listeners.
	 * @return name to bound listener, in configuration order
	 */
	public Map<String, BoundListener> bound() {
		return this.bound;
	}

}
