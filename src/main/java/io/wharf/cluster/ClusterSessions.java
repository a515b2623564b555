package io.wharf.cluster;

import java.time.Duration;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.Executor;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;

import io.wharf.api.Audience;
import io.wharf.api.ClusterUnreachableException;
import io.wharf.api.SendResult;
import io.wharf.api.Session;
import io.wharf.api.SessionInfo;
import io.wharf.api.SocketSessions;
import io.wharf.cluster.ClusterMessage.Kind;
import io.wharf.cluster.ClusterMeters.Result;
import io.wharf.conversation.FrameTap;
import io.wharf.conversation.SessionHandle;
import io.wharf.transport.LocalSessions;
import org.jspecify.annotations.Nullable;

/**
 * The sessions of every instance of the cluster, as one: a session of this instance is
 * served at once, one on another instance through the {@link ClusterBus}, whose answer
 * completes the call (or {@code wharf.cluster.send-timeout} does); lookups read the
 * {@link SessionDirectory} on the cluster's query thread. Nothing here blocks the caller,
 * which may be an I/O thread.
 */
public final class ClusterSessions implements SocketSessions {

	private final LocalSessions local;

	private final ClusterState state;

	private final ClusterBus bus;

	private final SessionDirectory directory;

	private final RemoteCalls calls;

	private final ClusterMeters meters;

	private final Executor queries;

	private final Duration timeout;

	ClusterSessions(LocalSessions local, ClusterState state, ClusterBus bus, SessionDirectory directory,
			RemoteCalls calls, ClusterMeters meters, Executor queries, Duration timeout) {
		this.local = local;
		this.state = state;
		this.bus = bus;
		this.directory = directory;
		this.calls = calls;
		this.meters = meters;
		this.queries = queries;
		this.timeout = timeout;
	}

	@Override
	public Optional<Session> find(String id) {
		return this.local.find(id);
	}

	@Override
	public Collection<Session> sessions(String listener) {
		return this.local.sessions(listener);
	}

	@Override
	public CompletionStage<SendResult> send(String id, byte[]... frames) {
		SessionHandle here = this.local.handle(id);
		if (here != null) {
			return CompletableFuture.completedFuture(here.send(frames));
		}
		return remote(id, Kind.SEND, (correlation, deadline) -> ClusterMessage.send(this.state.instance(), correlation,
				deadline, id, frames));
	}

	/**
	 * Closes a session wherever it lives, for an operator.
	 * @param id the session's id
	 * @return {@link SendResult#SENT} once it began closing, {@link SendResult#GONE} when
	 * no such session is open, or {@link SendResult#UNREACHABLE}
	 */
	public CompletionStage<SendResult> closeByOperator(String id) {
		SessionHandle here = this.local.handle(id);
		if (here != null) {
			here.closeByOperator();
			return CompletableFuture.completedFuture(SendResult.SENT);
		}
		return remote(id, Kind.CLOSE,
				(correlation, deadline) -> ClusterMessage.close(this.state.instance(), correlation, deadline, id));
	}

	/**
	 * Taps a session on the instance that holds it, for an operator (this instance's own
	 * sessions are tapped directly).
	 * @param id the session's id
	 * @param frames frames to show at most
	 * @param bytes payload bytes to show at most
	 * @param time how long to wait for them
	 * @return what the tap saw ({@link #GONE} when no such session is open there), or
	 * empty when the instance or Redis did not answer in time
	 */
	public CompletionStage<Optional<FrameTap.Result>> tap(String id, int frames, long bytes, Duration time) {
		String owner = InstanceId.owner(id);
		if (owner == null || owner.equals(this.state.instance()) || this.state.departed(owner)) {
			return CompletableFuture.completedFuture(Optional.of(GONE));
		}
		Duration timeout = time.plus(this.timeout);
		RemoteCalls.Call<Optional<ClusterMessage>> call = this.state.connected() ? this.calls.tap(timeout) : null;
		if (call == null) {
			this.meters.sent(Kind.TAP, Result.REJECTED);
			return CompletableFuture.completedFuture(Optional.empty());
		}
		long deadline = System.currentTimeMillis() + timeout.toMillis();
		ClusterMessage message = ClusterMessage.tap(this.state.instance(), call.correlation(), deadline, id, frames,
				bytes, time.toMillis());
		if (!publish(owner, message, call.correlation(), deadline)) {
			return CompletableFuture.completedFuture(Optional.empty());
		}
		return call.future().thenApply((answer) -> answer.map((tapped) -> {
			FrameTap.Result result = tapped.tapResult();
			return (result != null) ? result : GONE;
		}));
	}

	/** What a tap of a session that is not open answers. */
	public static final FrameTap.Result GONE = new FrameTap.Result(List.of(), ClusterMessage.GONE);

	private CompletionStage<SendResult> remote(String id, Kind kind, MessageFactory message) {
		String owner = InstanceId.owner(id);
		if (owner == null || owner.equals(this.state.instance()) || this.state.departed(owner)) {
			return CompletableFuture.completedFuture(SendResult.GONE);
		}
		if (!this.state.connected()) {
			this.meters.sent(kind, Result.REJECTED);
			return CompletableFuture.completedFuture(SendResult.UNREACHABLE);
		}
		RemoteCalls.Call<SendResult> call = this.calls.send(this.timeout);
		if (call == null) {
			this.meters.sent(kind, Result.REJECTED);
			return CompletableFuture.completedFuture(SendResult.UNREACHABLE);
		}
		long deadline = System.currentTimeMillis() + this.timeout.toMillis();
		if (!publish(owner, message.of(call.correlation(), deadline), call.correlation(), deadline)) {
			return CompletableFuture.completedFuture(SendResult.UNREACHABLE);
		}
		long started = System.nanoTime();
		return call.future().whenComplete((result, error) -> this.meters.answeredAfter(System.nanoTime() - started));
	}

	@Override
	public CompletionStage<Broadcast> broadcast(Audience audience, byte[]... frames) {
		Broadcast here = this.local.broadcastHere(audience, frames);
		Set<String> others = new HashSet<>(this.state.instances().keySet());
		others.remove(this.state.instance());
		if (!this.state.connected()) {
			this.meters.sent(Kind.BROADCAST, Result.REJECTED);
			return unreachable(here, others);
		}
		RemoteCalls.Call<Broadcast> call = this.calls.broadcast(here, others, this.timeout);
		if (call == null) {
			this.meters.sent(Kind.BROADCAST, Result.REJECTED);
			return unreachable(here, others);
		}
		long deadline = System.currentTimeMillis() + this.timeout.toMillis();
		ClusterMessage message = ClusterMessage.broadcast(this.state.instance(), call.correlation(), deadline, audience,
				frames);
		if (!publish(null, message, call.correlation(), deadline)) {
			return unreachable(here, others);
		}
		return call.future();
	}

	private static CompletionStage<Broadcast> unreachable(Broadcast here, Set<String> others) {
		return CompletableFuture
			.completedFuture(new Broadcast(here.sent(), here.busy(), here.gone(), here.unreachable() + others.size()));
	}

	private boolean publish(@Nullable String instance, ClusterMessage message, long correlation, long deadline) {
		if (this.bus.publish(instance, message.encode(), deadline)) {
			return true;
		}
		this.calls.abandon(correlation);
		this.meters.sent(message.kind(), Result.REJECTED);
		return false;
	}

	@Override
	public CompletionStage<Optional<SessionInfo>> locate(String id) {
		SessionHandle here = this.local.handle(id);
		if (here != null) {
			return CompletableFuture.completedFuture(Optional.of(here.info(this.state.instance())));
		}
		String owner = InstanceId.owner(id);
		if (owner == null || owner.equals(this.state.instance())) {
			return CompletableFuture.completedFuture(Optional.empty());
		}
		return query(() -> this.directory.locate(id));
	}

	@Override
	public CompletionStage<List<SessionInfo>> list(String listener) {
		return query(() -> this.directory.list(listener));
	}

	/**
	 * Counts from the last heartbeat of every instance, and this instance's own now: no
	 * call to Redis.
	 */
	@Override
	public CompletionStage<Map<String, Integer>> count(String listener) {
		Map<String, Integer> counts = new HashMap<>();
		this.state.instances()
			.forEach((instance, known) -> counts.put(instance, known.sessionsByListener().getOrDefault(listener, 0)));
		counts.put(this.state.instance(), this.local.sessions(listener).size());
		return CompletableFuture.completedFuture(counts);
	}

	private <T> CompletionStage<T> query(Supplier<T> lookup) {
		if (!this.state.connected()) {
			return CompletableFuture.failedFuture(unreachable());
		}
		return CompletableFuture.supplyAsync(lookup, this.queries)
			.orTimeout(this.timeout.toMillis(), TimeUnit.MILLISECONDS)
			.exceptionallyCompose((error) -> CompletableFuture.failedFuture(unreachable(error)));
	}

	private ClusterUnreachableException unreachable() {
		return new ClusterUnreachableException("Cluster '" + this.state.name() + "' is not reachable"
				+ ((this.state.problem() != null) ? ": " + this.state.problem() : ""));
	}

	private ClusterUnreachableException unreachable(Throwable error) {
		Throwable cause = (error instanceof CompletionException && error.getCause() != null) ? error.getCause() : error;
		ClusterUnreachableException unreachable = new ClusterUnreachableException("Cluster '" + this.state.name()
				+ "' did not answer within " + this.timeout.toMillis() + " ms (wharf.cluster.send-timeout): " + cause);
		unreachable.initCause(cause);
		return unreachable;
	}

	/** Makes a call's message once its correlation and deadline are known. */
	@FunctionalInterface
	private interface MessageFactory {

		ClusterMessage of(long correlation, long deadline);

	}

}
