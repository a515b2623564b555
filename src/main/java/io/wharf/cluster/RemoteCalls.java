package io.wharf.cluster;

import java.time.Duration;
import java.util.HashSet;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

import io.wharf.api.SendResult;
import io.wharf.api.SocketSessions.Broadcast;

/**
 * The sends and broadcasts this instance is waiting on other instances to answer, by the
 * correlation their messages carry: each completes with its answers, or at its deadline
 * with what did not answer counted as unreachable. Never more than a bounded number wait.
 */
final class RemoteCalls {

	private final Map<Long, Waiting> waiting = new ConcurrentHashMap<>();

	private final AtomicLong correlations = new AtomicLong();

	private final ScheduledExecutorService timer;

	private final int capacity;

	RemoteCalls(ScheduledExecutorService timer, int capacity) {
		this.timer = timer;
		this.capacity = capacity;
	}

	/**
	 * Waits for one instance's answer to a send or a close.
	 * @param timeout how long
	 * @return the correlation and the future, or null when too many calls wait already
	 */
	Call<SendResult> send(Duration timeout) {
		CompletableFuture<SendResult> future = new CompletableFuture<>();
		return start(new Waiting(future, null, null, SendResult.UNREACHABLE), future, timeout);
	}

	/**
	 * Waits for one instance's answer to a tap: what it saw, or nothing at the deadline.
	 * @param timeout how long
	 * @return the correlation and the future, or null when too many calls wait already
	 */
	Call<Optional<ClusterMessage>> tap(Duration timeout) {
		CompletableFuture<Optional<ClusterMessage>> future = new CompletableFuture<>();
		return start(new Waiting(future, null, null, Optional.empty()), future, timeout);
	}

	/**
	 * Waits for the answers of every other instance to a broadcast.
	 * @param local what this instance's sessions made of it
	 * @param others the instances expected to answer
	 * @param timeout how long
	 * @return the correlation and the future, or null when too many calls wait already
	 */
	Call<Broadcast> broadcast(Broadcast local, Set<String> others, Duration timeout) {
		CompletableFuture<Broadcast> future = new CompletableFuture<>();
		if (others.isEmpty()) {
			// No other instance known: nothing to wait for, and no answer wanted.
			future.complete(local);
			return new Call<>(0, future);
		}
		return start(new Waiting(future, new HashSet<>(others), new Broadcast[] { local }, null), future, timeout);
	}

	private <T> Call<T> start(Waiting call, CompletableFuture<T> future, Duration timeout) {
		if (this.waiting.size() >= this.capacity) {
			return null;
		}
		long correlation = this.correlations.incrementAndGet();
		this.waiting.put(correlation, call);
		this.timer.schedule(() -> expire(correlation), timeout.toMillis(), TimeUnit.MILLISECONDS);
		return new Call<>(correlation, future);
	}

	/** A send's or a close's answer arrived. */
	void answered(long correlation, SendResult result) {
		Waiting call = this.waiting.remove(correlation);
		if (call != null && call.pending() == null) {
			call.complete(result);
		}
	}

	/** A tap's answer arrived. */
	void answered(ClusterMessage tapResult) {
		Waiting call = this.waiting.remove(tapResult.correlation());
		if (call != null && call.pending() == null) {
			call.complete(Optional.of(tapResult));
		}
	}

	/** One instance's answer to a broadcast arrived. */
	void answered(long correlation, String instance, Broadcast counts) {
		Waiting call = this.waiting.get(correlation);
		if (call == null || call.pending() == null) {
			return;
		}
		boolean done;
		synchronized (call) {
			call.sum()[0] = call.sum()[0].plus(counts);
			call.pending().remove(instance);
			done = call.pending().isEmpty();
		}
		if (done && this.waiting.remove(correlation) != null) {
			call.complete(call.sum()[0]);
		}
	}

	/** Gives up on a call that was never published. */
	void abandon(long correlation) {
		this.waiting.remove(correlation);
	}

	private void expire(long correlation) {
		Waiting call = this.waiting.remove(correlation);
		if (call == null) {
			return;
		}
		if (call.pending() == null) {
			call.complete(call.unanswered());
			return;
		}
		synchronized (call) {
			Broadcast sum = call.sum()[0];
			call.complete(new Broadcast(sum.sent(), sum.busy(), sum.gone(), sum.unreachable() + call.pending().size()));
		}
	}

	/** Calls waiting now. */
	int size() {
		return this.waiting.size();
	}

	/**
	 * A call that waits for its answer.
	 *
	 * @param <T> what it answers
	 * @param correlation what its message carries, and its answer echoes
	 * @param future completes with the answer
	 */
	record Call<T>(long correlation, CompletableFuture<T> future) {

	}

	/**
	 * A waiting call: a send's or a tap's future and what it completes with when nobody
	 * answers, or a broadcast's, instances still due and sum.
	 */
	private record Waiting(CompletableFuture<?> future, Set<String> pending, Broadcast[] sum, Object unanswered) {

		@SuppressWarnings("unchecked")
		void complete(Object value) {
			((CompletableFuture<Object>) this.future).complete(value);
		}

	}

}
