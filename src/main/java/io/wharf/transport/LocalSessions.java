package io.wharf.transport;

import java.util.Collection;
import java.util.Collections;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;

import io.wharf.api.Audience;
import io.wharf.api.SendResult;
import io.wharf.api.Session;
import io.wharf.api.SessionInfo;
import io.wharf.api.SocketSessions;
import io.wharf.conversation.SessionHandle;
import org.jspecify.annotations.Nullable;

/**
 * The open TCP sessions of every running listener of this process, for application beans
 * that send to clients outside a call to a service. Every answer is known at once; in
 * cluster mode, the cluster's sessions build on these.
 */
public class LocalSessions implements SocketSessions {

	/** The instance every session is on, in a single process. */
	public static final String INSTANCE = "local";

	private final Listeners listeners;

	private final String instance;

	/**
	 * The sessions of a single process.
	 * @param listeners the running listeners
	 */
	public LocalSessions(Listeners listeners) {
		this(listeners, INSTANCE);
	}

	/**
	 * The sessions of one instance of a cluster.
	 * @param listeners the running listeners
	 * @param instance the instance's id, as its sessions' entries name it
	 */
	public LocalSessions(Listeners listeners, String instance) {
		this.listeners = listeners;
		this.instance = instance;
	}

	@Override
	public Optional<Session> find(String id) {
		return Optional.ofNullable(handle(id));
	}

	/**
	 * An open session of this instance, as services and operators see it.
	 * @param id the session's id
	 * @return the session, or null when no such session is open here
	 */
	public @Nullable SessionHandle handle(String id) {
		for (BoundListener listener : this.listeners.bound().values()) {
			SessionHandle open = listener.session(id);
			if (open != null) {
				return open;
			}
		}
		return null;
	}

	@Override
	public Collection<Session> sessions(String listener) {
		return Collections.unmodifiableCollection(bound(listener).sessions());
	}

	@Override
	public CompletionStage<SendResult> send(String id, byte[]... frames) {
		SessionHandle open = handle(id);
		return CompletableFuture.completedFuture((open != null) ? open.send(frames) : SendResult.GONE);
	}

	@Override
	public CompletionStage<Broadcast> broadcast(Audience audience, byte[]... frames) {
		return CompletableFuture.completedFuture(broadcastHere(audience, frames));
	}

	/**
	 * Sends frames to an audience's sessions on this instance.
	 * @param audience which sessions
	 * @param frames the frames
	 * @return what the sessions made of them
	 * @throws IllegalArgumentException when the audience's listener does not run
	 */
	public Broadcast broadcastHere(Audience audience, byte[]... frames) {
		return bound(audience.listener()).broadcast(audience, List.of(frames));
	}

	@Override
	public CompletionStage<Optional<SessionInfo>> locate(String id) {
		return CompletableFuture.completedFuture(find(id).map((open) -> ((SessionHandle) open).info(this.instance)));
	}

	@Override
	public CompletionStage<List<SessionInfo>> list(String listener) {
		return CompletableFuture.completedFuture(listHere(listener));
	}

	/**
	 * The directory entries of a listener's sessions on this instance.
	 * @param listener the listener's name
	 * @return the entries, by id
	 */
	public List<SessionInfo> listHere(String listener) {
		return bound(listener).sessions()
			.stream()
			.map((open) -> open.info(this.instance))
			.sorted(Comparator.comparing(SessionInfo::id))
			.toList();
	}

	@Override
	public CompletionStage<Map<String, Integer>> count(String listener) {
		return CompletableFuture.completedFuture(Map.of(this.instance, bound(listener).sessions().size()));
	}

	private BoundListener bound(String listener) {
		BoundListener bound = this.listeners.bound().get(listener);
		if (bound == null) {
			throw new IllegalArgumentException(
					"No running listener named '" + listener + "'; running: " + this.listeners.bound().keySet());
		}
		return bound;
	}

}
