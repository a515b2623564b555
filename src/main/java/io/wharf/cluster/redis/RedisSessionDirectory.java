package io.wharf.cluster.redis;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import io.wharf.api.SessionInfo;
import io.wharf.cluster.InstanceId;
import io.wharf.cluster.SessionDirectory;
import io.wharf.conversation.SessionHandle;
import org.jspecify.annotations.Nullable;

import org.springframework.data.redis.core.Cursor;
import org.springframework.data.redis.core.RedisOperations;
import org.springframework.data.redis.core.ScanOptions;
import org.springframework.data.redis.core.SessionCallback;
import org.springframework.data.redis.core.StringRedisTemplate;

/**
 * The cluster's directory in Redis: a set of instance ids ({@code <cluster>:instances});
 * per instance a hash of its heartbeat, start and sessions per listener
 * ({@code <cluster>:instance:<id>}); per instance and listener a hash of its sessions, id
 * to {@link DirectoryEntry} ({@code <cluster>:sessions:<id>:<listener>}). Every key of an
 * instance expires after {@code wharf.cluster.instance-timeout} unless its heartbeat
 * renews it, so a killed instance leaves the directory by itself. Writes go in pipelines.
 */
public final class RedisSessionDirectory implements SessionDirectory {

	private static final String HEARTBEAT = "heartbeat";

	private static final String STARTED = "started";

	private static final String LISTENER = "listener.";

	/** Sessions written in one pipeline at most when the directory is rebuilt. */
	private static final int BATCH = 1000;

	private final StringRedisTemplate redis;

	private final ClusterChannels keys;

	private final Duration ttl;

	private final long started = System.currentTimeMillis();

	private Set<String> listeners = Set.of();

	/**
	 * This instance's directory.
	 * @param redis a template on Spring Boot's Redis connection
	 * @param keys the cluster's key names
	 * @param ttl how long an instance that stopped beating stays
	 */
	public RedisSessionDirectory(StringRedisTemplate redis, ClusterChannels keys, Duration ttl) {
		this.redis = redis;
		this.keys = keys;
		this.ttl = ttl;
	}

	@Override
	public boolean heartbeat(Map<String, Integer> sessionsByListener) {
		String self = this.keys.instance();
		String instanceKey = this.keys.instanceKey(self);
		Map<String, String> fields = new HashMap<>();
		fields.put(HEARTBEAT, Long.toString(System.currentTimeMillis()));
		fields.put(STARTED, Long.toString(this.started));
		sessionsByListener.forEach((listener, count) -> fields.put(LISTENER + listener, count.toString()));
		Set<String> gone = new HashSet<>(this.listeners);
		gone.removeAll(sessionsByListener.keySet());
		List<Object> results = pipelinedResults((operations) -> {
			operations.hasKey(instanceKey);
			operations.opsForHash().putAll(instanceKey, fields);
			if (!gone.isEmpty()) {
				operations.opsForHash().delete(instanceKey, gone.stream().map((l) -> LISTENER + l).toArray());
			}
			operations.expire(instanceKey, this.ttl);
			operations.opsForSet().add(this.keys.instances(), self);
			sessionsByListener.keySet()
				.forEach((listener) -> operations.expire(this.keys.sessionsKey(self, listener), this.ttl));
		});
		this.listeners = Set.copyOf(sessionsByListener.keySet());
		return Boolean.TRUE.equals(results.get(0));
	}

	@Override
	public void rebuild(Collection<SessionHandle> sessions) {
		List<String> leftovers = scan(this.keys.sessionsPattern(this.keys.instance()));
		if (!leftovers.isEmpty()) {
			this.redis.delete(leftovers);
		}
		List<SessionHandle> all = new ArrayList<>(sessions);
		for (int from = 0; from < all.size(); from += BATCH) {
			update(all.subList(from, Math.min(all.size(), from + BATCH)), List.of());
		}
	}

	@Override
	public void update(Collection<SessionHandle> changed, Collection<SessionHandle> closed) {
		String self = this.keys.instance();
		Set<String> touched = new HashSet<>();
		pipelined((operations) -> {
			for (SessionHandle session : changed) {
				String key = this.keys.sessionsKey(self, session.listener());
				operations.opsForHash().put(key, session.id(), DirectoryEntry.of(session));
				touched.add(key);
			}
			for (SessionHandle session : closed) {
				operations.opsForHash().delete(this.keys.sessionsKey(self, session.listener()), session.id());
			}
			// A key made by this write must expire too, should no heartbeat follow.
			touched.forEach((key) -> operations.expire(key, this.ttl));
		});
	}

	@Override
	public void leave() {
		String self = this.keys.instance();
		List<String> keys = scan(this.keys.sessionsPattern(self));
		keys.add(this.keys.instanceKey(self));
		this.redis.delete(keys);
		this.redis.opsForSet().remove(this.keys.instances(), self);
	}

	@Override
	public Map<String, Instance> instances() {
		List<String> ids = new ArrayList<>(members());
		List<Object> hashes = pipelinedResults(
				(operations) -> ids.forEach((id) -> operations.opsForHash().entries(this.keys.instanceKey(id))));
		long now = System.currentTimeMillis();
		Map<String, Instance> alive = new LinkedHashMap<>();
		List<String> dead = new ArrayList<>();
		for (int i = 0; i < ids.size(); i++) {
			Map<?, ?> hash = (Map<?, ?>) hashes.get(i);
			Object heartbeat = (hash != null) ? hash.get(HEARTBEAT) : null;
			if (heartbeat == null) {
				dead.add(ids.get(i));
				continue;
			}
			Map<String, Integer> counts = new LinkedHashMap<>();
			hash.forEach((field, value) -> {
				if (field.toString().startsWith(LISTENER)) {
					counts.put(field.toString().substring(LISTENER.length()), Integer.parseInt(value.toString()));
				}
			});
			alive.put(ids.get(i), new Instance(Math.max(0, now - Long.parseLong(heartbeat.toString())), counts));
		}
		if (!dead.isEmpty()) {
			this.redis.opsForSet().remove(this.keys.instances(), dead.toArray());
		}
		return alive;
	}

	@Override
	public Optional<SessionInfo> locate(String id) {
		String owner = InstanceId.owner(id);
		if (owner == null) {
			return Optional.empty();
		}
		Map<Object, Object> instance = this.redis.opsForHash().entries(this.keys.instanceKey(owner));
		List<String> listeners = instance.keySet()
			.stream()
			.map(Object::toString)
			.filter((field) -> field.startsWith(LISTENER))
			.map((field) -> field.substring(LISTENER.length()))
			.toList();
		List<Object> found = pipelinedResults((operations) -> listeners
			.forEach((listener) -> operations.opsForHash().get(this.keys.sessionsKey(owner, listener), id)));
		for (int i = 0; i < listeners.size(); i++) {
			if (found.get(i) != null) {
				return Optional.of(DirectoryEntry.parse(id, listeners.get(i), owner, found.get(i).toString()));
			}
		}
		return Optional.empty();
	}

	@Override
	public List<SessionInfo> list(String listener) {
		List<String> alive = new ArrayList<>(instances().keySet());
		List<Object> hashes = pipelinedResults((operations) -> alive
			.forEach((id) -> operations.opsForHash().entries(this.keys.sessionsKey(id, listener))));
		List<SessionInfo> sessions = new ArrayList<>();
		for (int i = 0; i < alive.size(); i++) {
			String instance = alive.get(i);
			((Map<?, ?>) hashes.get(i)).forEach((id, entry) -> sessions
				.add(DirectoryEntry.parse(id.toString(), listener, instance, entry.toString())));
		}
		sessions.sort(Comparator.comparing(SessionInfo::instance).thenComparing(SessionInfo::id));
		return sessions;
	}

	private Set<String> members() {
		Set<String> members = this.redis.opsForSet().members(this.keys.instances());
		return (members != null) ? members : Set.of();
	}

	private List<String> scan(String pattern) {
		List<String> keys = new ArrayList<>();
		try (Cursor<String> cursor = this.redis.scan(ScanOptions.scanOptions().match(pattern).count(1000).build())) {
			cursor.forEachRemaining(keys::add);
		}
		return keys;
	}

	private void pipelined(Writes writes) {
		pipelinedResults(writes);
	}

	private List<Object> pipelinedResults(Writes writes) {
		return this.redis.executePipelined(new SessionCallback<@Nullable Object>() {

			@Override
			@SuppressWarnings("unchecked")
			public <K, V> @Nullable Object execute(RedisOperations<K, V> operations) {
				writes.to((RedisOperations<String, String>) operations);
				return null;
			}

		});
	}

	/** Commands queued in one pipeline. */
	@FunctionalInterface
	private interface Writes {

		void to(RedisOperations<String, String> operations);

	}

}
