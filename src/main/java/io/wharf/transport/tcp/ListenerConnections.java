package io.wharf.transport.tcp;

import java.net.InetAddress;
import java.util.AbstractCollection;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.LongAdder;

import io.netty.channel.EventLoop;
import io.wharf.api.Audience;
import io.wharf.api.CloseReason;
import io.wharf.api.SocketSessions.Broadcast;
import io.wharf.config.ListenerProperties;
import io.wharf.conversation.SessionHandle;
import io.wharf.transport.Leftovers;
import io.wharf.transport.tcp.admission.Admission;
import io.wharf.transport.tcp.connection.ConnectionCounts;
import org.jspecify.annotations.Nullable;

/**
 * The connections of one TCP listener: the {@link Admission} that decides who may
 * connect, the open sessions the sockets endpoint and {@code SocketSessions} read, and
 * the drain that completes when the last admitted or reserved connection ends.
 */
final class ListenerConnections {

	private final Admission admission;

	/** The factory's registry of open sessions, once it is made. */
	private Map<String, TcpSession> open = Map.of();

	private final Collection<SessionHandle> handles = new AbstractCollection<>() {

		@Override
		public Iterator<SessionHandle> iterator() {
			Iterator<TcpSession> sessions = ListenerConnections.this.open.values().iterator();
			return new Iterator<>() {

				@Override
				public boolean hasNext() {
					return sessions.hasNext();
				}

				@Override
				public SessionHandle next() {
					return sessions.next().session();
				}

			};
		}

		@Override
		public int size() {
			return ListenerConnections.this.open.size();
		}

	};

	private final CompletableFuture<Void> drained = new CompletableFuture<>();

	private volatile boolean draining;

	private final LongAdder unanswered = new LongAdder();

	private final LongAdder discarded = new LongAdder();

	ListenerConnections(Admission admission) {
		this.admission = admission;
	}

	/**
	 * Reads the open sessions from the listener's connection factory, whose registry of
	 * connections is the only one: a held connection is an entry in one map, not two.
	 * Called once, before the factory accepts anything.
	 * @param factory the listener's connection factory
	 */
	@SuppressWarnings("unchecked")
	void registeredIn(NettyConnectionFactory factory) {
		// Only sessions are registered there (TcpSession is what the factory is given).
		this.open = (Map<String, TcpSession>) (Map<String, ?>) factory.registered();
	}

	/**
	 * New limits for the connections that come from now on.
	 * @param properties the listener's new settings
	 */
	void change(ListenerProperties properties) {
		this.admission.change(properties);
	}

	/**
	 * Closes the open sessions whose clients the listener's {@code allow} and
	 * {@code deny} no longer let in, as an operator's close.
	 * @return how many were closed
	 */
	int closeDisallowed() {
		int closed = 0;
		for (TcpSession session : this.open.values()) {
			if (!this.admission.allows(session.session().remoteAddress().getAddress())) {
				session.close(CloseReason.CLOSED_BY_OPERATOR);
				closed++;
			}
		}
		return closed;
	}

	/**
	 * Takes the slots of a new connection from a known client.
	 * @param client the client's address
	 * @return null when taken, or the cause of refusal (nothing is held then)
	 */
	@Nullable String admit(InetAddress client) {
		return settled(this.admission.admit(client));
	}

	/**
	 * Takes the listener's and the process's slots of a connection whose client is not
	 * known yet.
	 * @return null when taken, or the cause of refusal (nothing is held then)
	 */
	@Nullable String reserve() {
		return settled(this.admission.reserve());
	}

	/**
	 * Admits the client of a reserved connection.
	 * @param client the client's address
	 * @return null when admitted, or the cause of refusal (the reservation is given back)
	 */
	@Nullable String admitReserved(InetAddress client) {
		return settled(this.admission.admitReserved(client));
	}

	/**
	 * Gives back the slots of a reserved connection that ended before it was admitted.
	 */
	void abandon() {
		this.admission.abandon();
		settled(null);
	}

	/**
	 * Gives back the slots of an admitted connection that ended, before or after its
	 * session opened.
	 * @param client the client's address
	 */
	void released(InetAddress client) {
		this.admission.release(client);
		settled(null);
	}

	/**
	 * Frees the slots of an ended session, which its close took off the registry.
	 * @param client the client's address
	 * @param counts what the session read, sent and left
	 */
	void ended(InetAddress client, ConnectionCounts counts) {
		if (this.draining) {
			this.unanswered.add(counts.unansweredBytes());
			this.discarded.add(counts.discardedBytes());
		}
		released(client);
	}

	/**
	 * What the sessions that ended since the drain began left behind.
	 * @return bytes read and not answered, and bytes discarded unread
	 */
	Leftovers leftovers() {
		return new Leftovers(this.unanswered.sum(), this.discarded.sum());
	}

	/**
	 * Completes the drain once nothing is held any more, after every call that may have
	 * given slots back (a refusal gives back what it took).
	 */
	private @Nullable String settled(@Nullable String refused) {
		if (this.draining && this.admission.taken() == 0) {
			this.drained.complete(null);
		}
		return refused;
	}

	/**
	 * Starts waiting for the last session to end.
	 * @return a future completed when no session is open
	 */
	CompletableFuture<Void> drain() {
		this.draining = true;
		this.open.values().forEach((session) -> session.execute(session::drain));
		settled(null);
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

	/**
	 * The open sessions as services and operators see them.
	 * @return a live view
	 */
	Collection<SessionHandle> handles() {
		return this.handles;
	}

	/**
	 * Sends frames to the open sessions of an audience: room is taken for each on the
	 * caller's thread (so a busy or closed session answers at once), then each I/O thread
	 * writes to all of its sessions in one task.
	 * @param audience which sessions
	 * @param frames the frames
	 * @return what the sessions made of them
	 */
	Broadcast broadcast(Audience audience, List<byte[]> frames) {
		long size = 0;
		for (byte[] frame : frames) {
			size += frame.length;
		}
		Map<EventLoop, List<TcpSession>> byLoop = new HashMap<>();
		int busy = 0;
		int gone = 0;
		for (TcpSession session : this.open.values()) {
			if (!audience.includes(session.session())) {
				continue;
			}
			switch (session.session().reserve(size)) {
				case SENT ->
					byLoop.computeIfAbsent(session.channel.eventLoop(), (loop) -> new ArrayList<>()).add(session);
				case BUSY -> busy++;
				default -> gone++;
			}
		}
		long reserved = size;
		int sent = 0;
		for (Map.Entry<EventLoop, List<TcpSession>> loop : byLoop.entrySet()) {
			sent += loop.getValue().size();
			loop.getKey()
				.execute(() -> loop.getValue().forEach((session) -> session.session().deliver(frames, reserved)));
		}
		return new Broadcast(sent, busy, gone, 0);
	}

	@Nullable SessionHandle handle(String id) {
		TcpSession session = this.open.get(id);
		return (session != null) ? session.session() : null;
	}

	Collection<TcpSession> all() {
		return this.open.values();
	}

}
