package io.wharf.transport.tcp;

import java.net.InetAddress;
import java.util.Collection;
import java.util.Collections;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;

import io.wharf.transport.OpenSession;
import org.jspecify.annotations.Nullable;

/**
 * The open sessions of one TCP listener: admission (the client's own limits, the
 * listener's max-connections and the process's cap, each exact under concurrency: slots
 * are taken before a session exists), the registry the sockets endpoint reads, and the
 * drain that completes when the last session ends.
 */
final class Sessions {

	private final ProcessConnections process;

	private final ClientAdmission clients;

	private final Slots slots;

	private final Map<String, TcpSession> open = new ConcurrentHashMap<>();

	private final Map<String, OpenSession> view = Collections.unmodifiableMap(this.open);

	private final CompletableFuture<Void> drained = new CompletableFuture<>();

	private volatile boolean draining;

	Sessions(int max, ProcessConnections process, ClientAdmission clients) {
		this.slots = new Slots(max);
		this.process = process;
		this.clients = clients;
	}

	/**
	 * Takes the slots for a new connection from a client, if its limits, the listener's
	 * and the process's allow it.
	 * @param client the client's address
	 * @return null if the connection may open (it must then end with {@link #ended}), or
	 * the cause of refusal, one of {@code ConnectionMeters.REJECTION_CAUSES}
	 */
	@Nullable String admit(InetAddress client) {
		String refused = reserve();
		return (refused != null) ? refused : admitReserved(client);
	}

	/**
	 * Takes the listener's and the process's slots for a connection whose client is not
	 * known yet (it comes in a PROXY header).
	 * @return null if taken (then {@link #admitReserved} or {@link #abandon}), or the
	 * cause of refusal
	 */
	@Nullable String reserve() {
		if (!this.slots.take()) {
			return "max_connections";
		}
		if (!this.process.take()) {
			releaseSlot();
			return "process_limit";
		}
		return null;
	}

	/**
	 * Admits the client of a reserved connection, or gives the reservation back.
	 * @param client the client's address
	 * @return null if admitted, or the cause of refusal
	 */
	@Nullable String admitReserved(InetAddress client) {
		String refused = this.clients.check(client);
		if (refused == null) {
			refused = this.clients.take(client);
		}
		if (refused != null) {
			abandon();
		}
		return refused;
	}

	private void releaseSlot() {
		if (this.slots.release() == 0 && this.draining) {
			this.drained.complete(null);
		}
	}

	/**
	 * Gives back the slots of a reserved connection that ended before it was admitted.
	 */
	void abandon() {
		this.process.release();
		releaseSlot();
	}

	void opened(String id, TcpSession session) {
		this.open.put(id, session);
	}

	/** Frees a session's slots. */
	void ended(String id, InetAddress client) {
		this.open.remove(id);
		this.clients.release(client);
		abandon();
	}

	/**
	 * Starts waiting for the last session to end.
	 * @return a future completed when no session is open
	 */
	CompletableFuture<Void> drain() {
		this.draining = true;
		this.open.values().forEach((session) -> session.channel.eventLoop().execute(session::drain));
		if (this.slots.taken() == 0) {
			this.drained.complete(null);
		}
		return this.drained;
	}

	/**
	 * Whether the listener is draining, so that a session opened just as it began drains
	 * too.
	 * @return true once {@link #drain()} was called
	 */
	boolean draining() {
		return this.draining;
	}

	Map<String, OpenSession> open() {
		return this.view;
	}

	Collection<TcpSession> all() {
		return this.open.values();
	}

}
