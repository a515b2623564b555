package io.wharf.cluster;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.atomic.AtomicInteger;

import io.wharf.conversation.SessionHandle;
import io.wharf.conversation.SessionObserver;

/**
 * The sessions that opened, changed or closed on this instance since the directory was
 * last written, gathered as they happen (on the sessions' I/O threads, which must not
 * wait) and written in one batch every so often. Bounded: past the queue's capacity, or
 * while the cluster is unreachable, changes are not kept and the directory is rebuilt
 * from the sessions themselves instead.
 */
final class DirectoryChanges implements SessionObserver {

	private final ClusterState state;

	private final int capacity;

	private final Map<String, SessionHandle> changed = new ConcurrentHashMap<>();

	private final ConcurrentLinkedQueue<SessionHandle> closed = new ConcurrentLinkedQueue<>();

	private final AtomicInteger closedCount = new AtomicInteger();

	private volatile boolean rebuild = true;

	DirectoryChanges(ClusterState state, int capacity) {
		this.state = state;
		this.capacity = capacity;
	}

	@Override
	public void opened(SessionHandle session) {
		changed(session);
	}

	@Override
	public void changed(SessionHandle session) {
		if (keeping()) {
			this.changed.put(session.id(), session);
		}
	}

	@Override
	public void closed(SessionHandle session) {
		this.changed.remove(session.id());
		if (keeping()) {
			this.closed.add(session);
			this.closedCount.incrementAndGet();
		}
	}

	private boolean keeping() {
		if (this.rebuild) {
			return false;
		}
		if (!this.state.connected() || this.changed.size() + this.closedCount.get() >= this.capacity) {
			this.rebuild = true;
			return false;
		}
		return true;
	}

	/**
	 * Whether the directory must be rebuilt rather than updated; then changes gathered so
	 * far are dropped, as the rebuild writes every session as it is.
	 * @return true once, after which changes are gathered again
	 */
	boolean takeRebuild() {
		if (!this.rebuild) {
			return false;
		}
		this.changed.clear();
		this.closed.clear();
		this.closedCount.set(0);
		this.rebuild = false;
		return true;
	}

	/** The directory must be rebuilt: its store was lost, or a write failed. */
	void rebuildNext() {
		this.rebuild = true;
	}

	/**
	 * Takes the changes gathered so far.
	 * @param writer writes them: changed sessions, and closed ones
	 */
	void drain(Writer writer) {
		List<SessionHandle> open = new ArrayList<>(this.changed.values());
		open.forEach((session) -> this.changed.remove(session.id(), session));
		List<SessionHandle> gone = new ArrayList<>();
		for (SessionHandle session = this.closed.poll(); session != null; session = this.closed.poll()) {
			gone.add(session);
			this.closedCount.decrementAndGet();
		}
		if (!open.isEmpty() || !gone.isEmpty()) {
			writer.write(open, gone);
		}
	}

	/** Writes a batch of changes. */
	@FunctionalInterface
	interface Writer {

		void write(Collection<SessionHandle> changed, Collection<SessionHandle> closed);

	}

}
