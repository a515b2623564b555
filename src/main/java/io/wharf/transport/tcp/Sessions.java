package io.wharf.transport.tcp;

import java.util.Collection;
import java.util.Collections;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;

import io.wharf.transport.OpenSession;

/**
 * The open sessions of one TCP listener: admission under max-connections (exact under
 * concurrency: a slot is taken before a session exists), the registry the sockets
 * endpoint reads, and the drain that completes when the last session ends.
 */
final class Sessions {

	private final int max;

	private final AtomicInteger taken = new AtomicInteger();

	private final Map<String, TcpSession> open = new ConcurrentHashMap<>();

	private final Map<String, OpenSession> view = Collections.unmodifiableMap(this.open);

	private final CompletableFuture<Void> drained = new CompletableFuture<>();

	private volatile boolean draining;

	Sessions(int max) {
		this.max = max;
	}

	/**
	 * Takes a slot for a new connection, if one is free.
	 * @return true if the connection may open; it must then end with {@link #ended}
	 */
	boolean admit() {
		int now;
		do {
			now = this.taken.get();
			if (now >= this.max) {
				return false;
			}
		}
		while (!this.taken.compareAndSet(now, now + 1));
		return true;
	}

	void opened(String id, TcpSession session) {
		this.open.put(id, session);
	}

	/** Frees a session's slot. */
	void ended(String id) {
		this.open.remove(id);
		if (this.taken.decrementAndGet() == 0 && this.draining) {
			this.drained.complete(null);
		}
	}

	/**
	 * Starts waiting for the last session to end.
	 * @return a future completed when no session is open
	 */
	CompletableFuture<Void> drain() {
		this.draining = true;
		if (this.taken.get() == 0) {
			this.drained.complete(null);
		}
		return this.drained;
	}

	Map<String, OpenSession> open() {
		return this.view;
	}

	Collection<TcpSession> all() {
		return this.open.values();
	}

}
