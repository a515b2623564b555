package io.wharf.cluster;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

import org.jspecify.annotations.Nullable;

/**
 * What this instance knows of its cluster now: its own id, whether it reaches the
 * cluster, the instances alive at the last heartbeat, and those that have left since it
 * joined. Written by the membership on the cluster's thread, read from anywhere.
 */
public final class ClusterState {

	/** Instances remembered as having left, at most: enough for every pod of a fleet. */
	private static final int MAX_DEPARTED = 4096;

	private final String name;

	private final String instance;

	private volatile boolean connected;

	private volatile long lastHeartbeat;

	private volatile @Nullable String problem;

	private volatile Map<String, SessionDirectory.Instance> instances = Map.of();

	private final Set<String> departed = ConcurrentHashMap.newKeySet();

	ClusterState(String name, String instance) {
		this.name = name;
		this.instance = instance;
	}

	/**
	 * The cluster's name.
	 * @return {@code wharf.cluster.name}
	 */
	public String name() {
		return this.name;
	}

	/**
	 * This instance's id.
	 * @return the id in every session id this instance hands out
	 */
	public String instance() {
		return this.instance;
	}

	/**
	 * Whether this instance reaches the cluster: its last heartbeat succeeded.
	 * @return false before it joined and while Redis does not answer
	 */
	public boolean connected() {
		return this.connected;
	}

	/**
	 * When this instance last told the directory it is alive.
	 * @return epoch milliseconds, 0 before the first time
	 */
	public long lastHeartbeat() {
		return this.lastHeartbeat;
	}

	/**
	 * Why this instance does not reach the cluster.
	 * @return the last error, or null while connected
	 */
	public @Nullable String problem() {
		return this.problem;
	}

	/**
	 * The instances alive at the last heartbeat, this one included.
	 * @return instance id to what the directory holds of it
	 */
	public Map<String, SessionDirectory.Instance> instances() {
		return this.instances;
	}

	/**
	 * Whether an instance was alive once and has left: its sessions are gone.
	 * @param instance an instance id
	 * @return true for an instance seen and no longer alive
	 */
	boolean departed(String instance) {
		return this.departed.contains(instance) && !this.instances.containsKey(instance);
	}

	/**
	 * A heartbeat succeeded.
	 * @param now when
	 * @param alive the instances alive now
	 * @param rejoined whether this instance just joined or rejoined: then instances
	 * missing from the directory may just not have written themselves again yet, and are
	 * not taken to have left
	 */
	void heartbeat(long now, Map<String, SessionDirectory.Instance> alive, boolean rejoined) {
		if (rejoined) {
			this.departed.clear();
		}
		else {
			this.instances.keySet().stream().filter((id) -> !alive.containsKey(id)).forEach(this::depart);
		}
		alive.keySet().forEach(this.departed::remove);
		this.instances = new LinkedHashMap<>(alive);
		this.lastHeartbeat = now;
		this.problem = null;
		this.connected = true;
	}

	private void depart(String id) {
		if (this.departed.size() >= MAX_DEPARTED) {
			this.departed.clear();
		}
		this.departed.add(id);
	}

	void lost(String why) {
		this.connected = false;
		this.problem = why;
	}

}
