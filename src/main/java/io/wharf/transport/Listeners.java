package io.wharf.transport;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.stream.Collectors;

import io.wharf.config.ListenerProperties;
import io.wharf.config.ListenersProperties;
import io.wharf.config.Protocol;
import io.wharf.conversation.ServiceChannels;
import io.wharf.failure.ListenerBindException;
import io.wharf.failure.ListenerBindFailures;
import io.wharf.failure.UnknownServiceException;
import io.wharf.observe.ListenerMetrics;
import io.wharf.observe.MetricsByListener;
import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;

import org.springframework.beans.factory.config.ConfigurableListableBeanFactory;
import org.springframework.context.SmartLifecycle;
import org.springframework.core.env.ConfigurableEnvironment;
import org.springframework.core.env.Environment;
import org.springframework.core.env.MapPropertySource;

/**
 * Runs the lifecycle of every enabled listener: binds all sockets first (reporting every
 * one that cannot bind), then starts them all; at shutdown stops accepting, waits for
 * open sessions to end within the drain timeout, and closes the rest.
 */
public class Listeners implements SmartLifecycle {

	private static final Log logger = LogFactory.getLog(Listeners.class);

	/**
	 * The lifecycle phase the listeners start and stop in: last to start, first to stop,
	 * so that what they use outlives their drain.
	 */
	public static final int PHASE = SmartLifecycle.DEFAULT_PHASE;

	/** The property source of the listeners' bound ports. */
	static final String PORTS = "Wharf listeners' local ports";

	/** As started, then as last changed while running ({@link #apply}). */
	private volatile ListenersProperties properties;

	private final Map<Protocol, ListenerTransport> transports = new EnumMap<>(Protocol.class);

	private final MetricsByListener metrics;

	private final ServiceChannels services;

	private final ConfigurableListableBeanFactory beans;

	private final Environment environment;

	/**
	 * Written only by start and stop; read by health checks and the sockets endpoint,
	 * even while draining.
	 */
	private volatile Map<String, BoundListener> bound = Map.of();

	private volatile boolean running;

	public Listeners(ListenersProperties properties, List<ListenerTransport> transports, MetricsByListener metrics,
			ServiceChannels services, ConfigurableListableBeanFactory beans, Environment environment) {
		this.properties = properties;
		transports.forEach((transport) -> this.transports.put(transport.protocol(), transport));
		this.metrics = metrics;
		this.services = services;
		this.beans = beans;
		this.environment = environment;
	}

	@Override
	public synchronized void start() {
		checkServicesExist();
		Map<String, BoundListener> binding = new LinkedHashMap<>();
		List<ListenerBindException> failures = new ArrayList<>();
		this.properties.enabled().forEach((name, listener) -> {
			try {
				binding.put(name, bind(name, listener));
			}
			catch (ListenerBindException ex) {
				failures.add(ex);
			}
		});
		if (!failures.isEmpty()) {
			binding.values().forEach(BoundListener::close);
			throw new ListenerBindFailures(failures);
		}
		this.bound = Collections.unmodifiableMap(binding);
		Set<Integer> ports = this.bound.values().stream().map(BoundListener::localPort).collect(Collectors.toSet());
		this.bound.values().forEach((listener) -> {
			ListenerProperties properties = listener.properties();
			this.services.listening(properties.requiredService(), listener.name(),
					properties.requiredProtocol().label());
			listener.start(ports);
			metricsOf(listener.name()).up(true);
		});
		this.running = true;
		publishPorts();
		logger.info(StartupTable.of(this.bound.values()));
	}

	/**
	 * Publishes each listener's bound port as {@code local.wharf.listeners.<name>.port},
	 * as Spring Boot publishes {@code local.server.port}: what a test reads for a
	 * listener on port 0.
	 */
	private void publishPorts() {
		if (!(this.environment instanceof ConfigurableEnvironment configurable)) {
			return;
		}
		Map<String, Object> ports = new LinkedHashMap<>();
		this.bound
			.forEach((name, listener) -> ports.put("local.wharf.listeners." + name + ".port", listener.localPort()));
		configurable.getPropertySources().remove(PORTS);
		configurable.getPropertySources().addFirst(new MapPropertySource(PORTS, ports));
	}

	/**
	 * Every listener serves a service bean that handles its protocol, or a channel a
	 * Spring Integration user wired.
	 */
	private void checkServicesExist() {
		checkServicesExist(this.properties.enabled());
	}

	private void checkServicesExist(Map<String, ListenerProperties> listeners) {
		Map<String, String> problems = new LinkedHashMap<>();
		listeners.forEach((name, listener) -> {
			String problem = this.services.problem(name, listener.requiredService(),
					listener.requiredProtocol() == Protocol.TCP);
			if (problem != null) {
				problems.put(name, problem);
			}
		});
		if (!problems.isEmpty()) {
			throw new UnknownServiceException(problems, this.services.names());
		}
	}

	private BoundListener bind(String name, ListenerProperties listener) {
		ListenerMetrics meters = this.metrics.register(name, listener.requiredService(),
				listener.requiredProtocol().label(), listener.maxConnections());
		try {
			ListenerRoute route = new ListenerRoute(name, listener, this.services.channel(listener.requiredService()),
					this.beans);
			return this.transports.get(listener.requiredProtocol()).bind(route, meters);
		}
		catch (ListenerBindException ex) {
			meters.error("bind");
			throw ex;
		}
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
		long start = System.nanoTime();
		this.bound.values().forEach(BoundListener::stopAccepting);
		int open = openSessions();
		Duration timeout = this.properties.drainTimeout();
		logger.info("Draining: stopped accepting; " + open + " open sessions get their last replies and close, "
				+ "those in the middle of a message once it is answered, the rest at " + timeout.toMillis()
				+ " ms (wharf.drain-timeout)");
		int cutOff = drainTimedOut(this.bound.values()) ? openSessions() : 0;
		Leftovers left = this.bound.values()
			.stream()
			.map(BoundListener::leftovers)
			.reduce(Leftovers.NONE, Leftovers::plus);
		logger.info("Drained in " + TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - start) + " ms: " + (open - cutOff)
				+ " sessions closed after their last replies, " + cutOff
				+ " still open at the drain timeout were closed; " + left.unanswered()
				+ " bytes read and not answered, " + left.discarded()
				+ " bytes the clients sent after their session began closing discarded unread");
		this.bound.values().forEach((listener) -> {
			listener.close();
			metricsOf(listener.name()).up(false);
		});
		this.bound = Map.of();
	}

	/**
	 * Changes the running listeners to a new configuration without a restart: binds the
	 * listeners it adds, drains and unbinds those it removes (their services say
	 * goodbye), and drains and binds anew those whose settings changed; every other
	 * listener and its sessions are not touched. Added listeners are bound before
	 * anything is drained, so a port in use or a missing service refuses the change
	 * whole.
	 * @param next the new configuration, checked
	 * @return what changed
	 * @throws UnknownServiceException when a listener names no service
	 * @throws ListenerBindFailures when an added listener cannot bind (nothing changed
	 * then), or a changed one cannot bind anew (it is bound again as it was)
	 */
	public synchronized ListenerChange apply(ListenersProperties next) {
		if (!this.running) {
			throw new IllegalStateException("the listeners are not running");
		}
		// Against what is bound: a listener that could not be bound anew runs as it was.
		Map<String, ListenerProperties> now = new LinkedHashMap<>();
		this.bound.forEach((name, listener) -> now.put(name, listener.properties()));
		Map<String, ListenerProperties> wanted = next.enabled();
		ListenerChange change = ListenerChange.between(now, wanted);
		if (change.isEmpty()) {
			this.properties = next;
			return change;
		}
		Map<String, ListenerProperties> arriving = new LinkedHashMap<>();
		change.added().forEach((name) -> arriving.put(name, wanted.get(name)));
		change.changed().forEach((name) -> arriving.put(name, wanted.get(name)));
		checkServicesExist(arriving);
		Map<String, BoundListener> fresh = new LinkedHashMap<>();
		List<ListenerBindException> failures = new ArrayList<>();
		for (String name : change.added()) {
			try {
				fresh.put(name, bind(name, wanted.get(name)));
			}
			catch (ListenerBindException ex) {
				failures.add(ex);
			}
		}
		if (!failures.isEmpty()) {
			fresh.forEach((name, listener) -> {
				listener.close();
				this.metrics.remove(name);
			});
			throw new ListenerBindFailures(failures);
		}
		// A changed listener whose new settings it can take while running (its timeouts
		// and limits)
		// keeps its sessions; the others are drained and bound anew.
		Map<String, BoundListener> adjusted = new LinkedHashMap<>();
		List<String> rebinding = new ArrayList<>();
		for (String name : change.changed()) {
			BoundListener running = this.bound.get(name).adjusted(wanted.get(name));
			if (running != null) {
				adjusted.put(name, running);
			}
			else {
				rebinding.add(name);
			}
		}
		List<String> leaving = new ArrayList<>(change.removed());
		leaving.addAll(rebinding);
		int drained = retire(leaving);
		for (String name : rebinding) {
			try {
				fresh.put(name, bind(name, wanted.get(name)));
			}
			catch (ListenerBindException ex) {
				failures.add(ex);
				this.metrics.remove(name);
				restore(name, now.get(name), fresh);
			}
		}
		Map<String, BoundListener> running = new LinkedHashMap<>(this.bound);
		leaving.forEach(running::remove);
		running.putAll(adjusted);
		running.putAll(fresh);
		Set<Integer> ports = running.values().stream().map(BoundListener::localPort).collect(Collectors.toSet());
		fresh.values().forEach((listener) -> {
			ListenerProperties properties = listener.properties();
			this.services.listening(properties.requiredService(), listener.name(),
					properties.requiredProtocol().label());
			listener.start(ports);
			metricsOf(listener.name()).up(true);
		});
		Map<String, BoundListener> ordered = new LinkedHashMap<>();
		wanted.keySet().forEach((name) -> {
			if (running.containsKey(name)) {
				ordered.put(name, running.remove(name));
			}
		});
		ordered.putAll(running);
		this.bound = Collections.unmodifiableMap(ordered);
		this.properties = next;
		publishPorts();
		if (!failures.isEmpty()) {
			throw new ListenerBindFailures(failures);
		}
		return change.applied(List.copyOf(adjusted.keySet()), drained);
	}

	/** Binds a listener as it was, after its new settings could not be bound. */
	private void restore(String name, ListenerProperties was, Map<String, BoundListener> fresh) {
		try {
			fresh.put(name, bind(name, was));
			logger.warn("Listener '" + name + "' could not be bound with its new settings; it runs as it was");
		}
		catch (ListenerBindException ex) {
			logger.error("Listener '" + name + "' could be bound neither with its new settings nor as it was: "
					+ ex.getMessage());
		}
	}

	/**
	 * Stops listeners accepting, lets their sessions finish within the drain timeout,
	 * closes the rest and removes their meters.
	 * @return the sessions that were open when the drain began
	 */
	private int retire(List<String> names) {
		List<BoundListener> leaving = names.stream().map(this.bound::get).toList();
		leaving.forEach(BoundListener::stopAccepting);
		int open = leaving.stream().mapToInt((listener) -> listener.sessions().size()).sum();
		if (drainTimedOut(leaving)) {
			logger.info("Drain of " + names + " timed out after " + this.properties.drainTimeout().toMillis()
					+ " ms (wharf.drain-timeout): its remaining sessions are closed");
		}
		leaving.forEach((listener) -> {
			listener.close();
			this.metrics.remove(listener.name());
		});
		return open;
	}

	/**
	 * Waits, up to the drain timeout, for listeners that stopped accepting to see their
	 * last sessions end.
	 * @return true when the timeout came first
	 */
	private boolean drainTimedOut(Collection<BoundListener> listeners) {
		CompletableFuture<?>[] drains = listeners.stream()
			.map(BoundListener::drained)
			.toArray(CompletableFuture[]::new);
		try {
			CompletableFuture.allOf(drains).get(this.properties.drainTimeout().toMillis(), TimeUnit.MILLISECONDS);
		}
		catch (TimeoutException ex) {
			return true;
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
		}
		catch (ExecutionException ex) {
			throw new IllegalStateException(ex.getCause());
		}
		return false;
	}

	/**
	 * The listeners' configuration in force: as started, or as last changed.
	 * @return the configuration
	 */
	public ListenersProperties configured() {
		return this.properties;
	}

	private ListenerMetrics metricsOf(String name) {
		ListenerMetrics meters = this.metrics.get(name);
		if (meters == null) {
			throw new IllegalStateException("no meters for listener '" + name + "'");
		}
		return meters;
	}

	private int openSessions() {
		return this.bound.values().stream().mapToInt((listener) -> listener.sessions().size()).sum();
	}

	@Override
	public boolean isRunning() {
		return this.running;
	}

	@Override
	public int getPhase() {
		return PHASE;
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
		BoundListener running = this.bound.get(name);
		Map<String, Object> detail = new LinkedHashMap<>();
		detail.put("protocol", listener.requiredProtocol().label());
		detail.put("port", (running != null) ? running.localPort() : listener.requiredPort());
		detail.put("service", listener.requiredService());
		detail.put("state", (running != null) ? "bound" : "not bound");
		return detail;
	}

	/**
	 * The running listeners.
	 * @return name to bound listener, in configuration order
	 */
	public Map<String, BoundListener> bound() {
		return this.bound;
	}

}
