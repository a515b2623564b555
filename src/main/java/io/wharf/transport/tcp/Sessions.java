package io.wharf.transport.tcp;

import java.net.InetAddress;
import java.util.Collection;
import java.util.Collections;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;

import io.wharf.transport.OpenSession;
import io.wharf.transport.tcp.admission.Admission;

/**
 * The open sessions of one TCP listener: the {@link Admission} that decides who may
 * connect, the registry the sockets endpoint reads, and the drain that completes when the
 * last admitted or reserved connection ends.
 */
final class Sessions {

	private final Admission admission;

	private final Map<String, TcpSession> open = new ConcurrentHashMap<>();

	private final Map<String, OpenSession> view = Collections.unmodifiableMap(this.open);

	private final CompletableFuture<Void> drained = new CompletableFuture<>();

	private volatile boolean draining;

	Sessions(Admission admission) {
		this.admission = admission;
	}

	Admission admission() {
		return this.admission;
	}

	/**
	 * Gives back the slots of a reserved connection that ended before it was admitted.
	 */
	void abandon() {
		left(this.admission.abandon());
	}

	/**
	 * Gives back the slots of an admitted connection that closed before its session
	 * opened.
	 */
	void released(InetAddress client) {
		left(this.admission.release(client));
	}

	void opened(String id, TcpSession session) {
		this.open.put(id, session);
	}

	/** Frees a session's slots. */
	void ended(String id, InetAddress client) {
		this.open.remove(id);
		released(client);
	}

	private void left(int taken) {
		if (taken == 0 && this.draining) {
			this.drained.complete(null);
		}
	}

	/**
	 * Starts waiting for the last session to end.
	 * @return a future completed when no session is open
	 */
	CompletableFuture<Void> drain() {
		this.draining = true;
		this.open.values().forEach((session) -> session.channel.eventLoop().execute(session::drain));
		if (this.admission.taken() == 0) {
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
