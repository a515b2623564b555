package io.wharf.cluster;

import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;

import io.wharf.conversation.SessionHandle;
import io.wharf.transport.BoundListener;
import io.wharf.transport.Listeners;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.context.SmartLifecycle;
import org.springframework.core.NestedExceptionUtils;

/**
 * This instance's membership of the cluster, on the cluster's own thread: at start-up it
 * waits for Redis without holding anything up (the listeners serve this instance's
 * clients meanwhile, and one line says what it waits for), then listens on the bus,
 * writes its sessions into the directory, and tells the directory it is alive every
 * heartbeat; between heartbeats it writes what changed. When Redis stops answering, local
 * traffic goes on and calls to other instances complete as unreachable at once; when it
 * answers again, the directory is rebuilt from this instance's sessions. At shutdown,
 * after the listeners drained, the instance leaves the directory.
 */
final class ClusterMembership implements SmartLifecycle {

	private static final Logger logger = LoggerFactory.getLogger(ClusterMembership.class);

	/** How often changes are written between heartbeats. */
	private static final long WRITE_INTERVAL_MILLIS = 200;

	private final ClusterState state;

	private final ClusterBus bus;

	private final SessionDirectory directory;

	private final DirectoryChanges changes;

	private final ClusterInbox inbox;

	private final Listeners listeners;

	private final ScheduledExecutorService thread;

	private final ClusterMeters meters;

	private final Duration heartbeat;

	private final String redis;

	private volatile boolean running;

	private volatile boolean listening;

	private boolean everJoined;

	private long lostAt;

	private final List<ScheduledFuture<?>> tasks = new ArrayList<>();

	ClusterMembership(ClusterState state, ClusterBus bus, SessionDirectory directory, DirectoryChanges changes,
			ClusterInbox inbox, Listeners listeners, ScheduledExecutorService thread, ClusterMeters meters,
			Duration heartbeat) {
		this.state = state;
		this.bus = bus;
		this.directory = directory;
		this.changes = changes;
		this.inbox = inbox;
		this.listeners = listeners;
		this.thread = thread;
		this.meters = meters;
		this.heartbeat = heartbeat;
		this.redis = bus.endpoint();
	}

	@Override
	public void start() {
		this.running = true;
		this.tasks
			.add(this.thread.scheduleWithFixedDelay(this::beat, 0, this.heartbeat.toMillis(), TimeUnit.MILLISECONDS));
		this.tasks.add(this.thread.scheduleWithFixedDelay(this::write, WRITE_INTERVAL_MILLIS, WRITE_INTERVAL_MILLIS,
				TimeUnit.MILLISECONDS));
	}

	/** One heartbeat: joins, rebuilds or just says this instance is alive. */
	private void beat() {
		try {
			boolean known = this.directory.heartbeat(sessionsByListener());
			Map<String, SessionDirectory.Instance> alive = this.directory.instances();
			boolean wasConnected = this.state.connected();
			this.state.heartbeat(System.currentTimeMillis(), alive, !wasConnected || !known);
			if (!this.listening) {
				this.bus.start(this.inbox::receive);
				this.listening = true;
			}
			if (!wasConnected) {
				joined(alive.size());
			}
			else if (!known) {
				logger.warn(
						"Cluster '{}': Redis at {} no longer knew this instance (restarted, failed over or "
								+ "flushed); its sessions are written into the directory again",
						this.state.name(), this.redis);
				this.changes.rebuildNext();
			}
			if (this.changes.takeRebuild()) {
				this.directory.rebuild(openSessions());
			}
		}
		catch (RuntimeException ex) {
			lost(ex);
		}
	}

	private void joined(int instances) {
		if (!this.everJoined) {
			this.everJoined = true;
			logger.info("Joined cluster '{}' as instance '{}' through Redis at {}: {} instance{} alive",
					this.state.name(), this.state.instance(), this.redis, instances, (instances == 1) ? "" : "s");
		}
		else {
			this.meters.reconnected();
			logger.info(
					"Cluster '{}': Redis at {} answers again after {} s; this instance's sessions are written "
							+ "into the directory again",
					this.state.name(), this.redis, (System.currentTimeMillis() - this.lostAt) / 1000);
		}
		this.changes.rebuildNext();
	}

	private void lost(RuntimeException ex) {
		String why = String.valueOf(NestedExceptionUtils.getMostSpecificCause(ex).getMessage());
		boolean wasConnected = this.state.connected();
		this.state.lost(why);
		this.changes.rebuildNext();
		if (wasConnected) {
			this.lostAt = System.currentTimeMillis();
			logger.warn(
					"Cluster '{}': Redis at {} does not answer ({}); this instance serves its own clients, "
							+ "sends to other instances answer UNREACHABLE, and it rejoins when Redis answers",
					this.state.name(), this.redis, why);
		}
		else if (!this.everJoined && this.lostAt == 0) {
			this.lostAt = System.currentTimeMillis();
			logger.warn(
					"Cluster '{}': waiting for Redis at {} ({}; spring.data.redis.*); this instance serves its "
							+ "own clients meanwhile and joins the cluster as instance '{}' when Redis answers",
					this.state.name(), this.redis, why, this.state.instance());
		}
		else {
			logger.debug("Cluster '{}': Redis at {} still does not answer: {}", this.state.name(), this.redis, why);
		}
	}

	/** Writes what changed since the last write, between heartbeats. */
	private void write() {
		if (!this.state.connected()) {
			return;
		}
		try {
			this.changes.drain(this.directory::update);
		}
		catch (RuntimeException ex) {
			lost(ex);
		}
	}

	private Map<String, Integer> sessionsByListener() {
		Map<String, Integer> counts = new LinkedHashMap<>();
		this.listeners.bound().forEach((name, listener) -> counts.put(name, listener.sessions().size()));
		return counts;
	}

	private List<SessionHandle> openSessions() {
		List<SessionHandle> sessions = new ArrayList<>();
		for (BoundListener listener : this.listeners.bound().values()) {
			sessions.addAll(listener.sessions());
		}
		return sessions;
	}

	/** After the listeners drained: leave the directory, stop listening. */
	@Override
	public void stop() {
		this.running = false;
		this.tasks.forEach((task) -> task.cancel(false));
		this.tasks.clear();
		@Nullable ScheduledFuture<?> leaving = this.state.connected()
				? this.thread.schedule(this.directory::leave, 0, TimeUnit.MILLISECONDS) : null;
		try {
			if (leaving != null) {
				leaving.get(2, TimeUnit.SECONDS);
			}
		}
		catch (Exception ex) {
			logger.debug("Cluster '{}': could not leave the directory; it expires", this.state.name(), ex);
		}
		if (this.listening) {
			this.bus.stop();
			this.listening = false;
		}
		this.state.lost("stopped");
	}

	@Override
	public boolean isRunning() {
		return this.running;
	}

	/** Starts before the listeners and stops after they drained. */
	@Override
	public int getPhase() {
		return Listeners.PHASE - 1;
	}

}
