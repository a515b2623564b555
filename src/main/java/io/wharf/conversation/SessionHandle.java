package io.wharf.conversation;

import java.net.InetSocketAddress;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.atomic.AtomicLongFieldUpdater;
import java.util.function.Function;

import io.wharf.api.Answer;
import io.wharf.api.CloseReason;
import io.wharf.api.SendResult;
import io.wharf.api.Session;
import io.wharf.api.SessionInfo;
import org.jspecify.annotations.Nullable;

/**
 * A TCP session as services and operators see it, with the state its service keeps for
 * it. Created by the transport with each connection; travels with the connection's
 * messages in the {@link ConversationHeaders#SESSION} header.
 */
public final class SessionHandle implements Session {

	/** The connection, which knows the session's id, listener, client and observer. */
	private final SessionChannel channel;

	private final long openedAt = System.currentTimeMillis();

	/** Created with the first attribute: most sessions have none. */
	private volatile @Nullable Map<String, String> attributes;

	// Written and read on the connection's I/O thread; volatile for the sockets endpoint.
	private volatile @Nullable Object state;

	private volatile Function<@Nullable Object, @Nullable String> describer = (state) -> null;

	/** Bytes sent from other threads and not yet handed to the connection. */
	private volatile long queued;

	/**
	 * An operator's look at the session's frames; set and read on its I/O thread only.
	 */
	private @Nullable FrameTap tap;

	private static final AtomicLongFieldUpdater<SessionHandle> QUEUED = AtomicLongFieldUpdater
		.newUpdater(SessionHandle.class, "queued");

	/**
	 * The session of a connection that opened. What the connection knows anyway (its id,
	 * listener, client and observer) is asked of it rather than kept twice: a held
	 * connection's heap counts.
	 * @param channel what the connection offers
	 */
	public SessionHandle(SessionChannel channel) {
		this.channel = channel;
	}

	@Override
	public String id() {
		return this.channel.id();
	}

	@Override
	public String listener() {
		return this.channel.listener();
	}

	@Override
	public InetSocketAddress remoteAddress() {
		return this.channel.remoteAddress();
	}

	@Override
	public boolean isOpen() {
		return this.channel.isOpen();
	}

	/**
	 * Shows the session's next frames to a tap, from its I/O thread; a tap already on it
	 * ends ("replaced"), and a session already closed ends it at once ("closed").
	 * @param tap the tap
	 */
	public void tap(FrameTap tap) {
		this.channel.execute(() -> {
			if (!this.channel.isOpen()) {
				tap.end("closed");
				return;
			}
			FrameTap previous = this.tap;
			if (previous != null) {
				previous.end("replaced");
			}
			this.tap = tap;
		});
	}

	/**
	 * Ends a tap at its time limit, from the session's I/O thread (a closed session's I/O
	 * thread may be gone with it: the caller waits a bounded time).
	 * @param tap the tap
	 */
	public void untap(FrameTap tap) {
		try {
			this.channel.execute(() -> {
				tap.end("time");
				if (this.tap == tap) {
					this.tap = null;
				}
			});
		}
		catch (RejectedExecutionException ex) {
			// The I/O thread stopped with the server, the session with it: no thread
			// but this one touches the tap now.
			tap.end("closed");
		}
	}

	/**
	 * A frame read from the client or written to it, for a tap if there is one: one field
	 * read for a session that is not tapped. On the session's I/O thread.
	 * @param in whether it came from the client
	 * @param frame its bytes
	 */
	public void tapped(boolean in, byte[] frame) {
		FrameTap current = this.tap;
		if (current != null && !current.saw(in, frame)) {
			this.tap = null;
		}
	}

	/** The session closed: a tap on it ends. On its I/O thread. */
	public void tapClosed() {
		FrameTap current = this.tap;
		if (current != null) {
			current.end("closed");
			this.tap = null;
		}
	}

	/**
	 * Writes a service's answer straight to the session it answers, on the session's I/O
	 * thread, without a reply message.
	 * @param answer the answer
	 */
	void answer(Answer answer) {
		this.channel.answer(answer.frames(), answer.closes(), answer.keepsOpen());
	}

	/**
	 * Queues frames for the connection's I/O thread. A client that does not read is
	 * refused more once its output buffer is full, and so are senders that queue faster
	 * than the I/O thread writes: nothing is ever buffered without bound.
	 */
	@Override
	public SendResult send(byte[]... frames) {
		long size = size(frames);
		SendResult result = reserve(size);
		if (result == SendResult.SENT) {
			List<byte[]> list = List.of(frames);
			this.channel.execute(() -> deliver(list, size));
		}
		return result;
	}

	/**
	 * Takes room for frames that a caller writes later on the session's I/O thread with
	 * {@link #deliver}, as a broadcast does for many sessions at once.
	 * @param size the frames' bytes
	 * @return {@link SendResult#SENT} when room was taken, or why not
	 */
	public SendResult reserve(long size) {
		if (!this.channel.isOpen()) {
			return SendResult.GONE;
		}
		long waiting = this.queued;
		long room = this.channel.writableBytes();
		if (room == 0 || (waiting > 0 && waiting + size > room)) {
			return SendResult.BUSY;
		}
		QUEUED.addAndGet(this, size);
		return SendResult.SENT;
	}

	/**
	 * Writes frames that {@link #reserve} took room for; on the session's I/O thread.
	 * @param frames the frames
	 * @param size their bytes, as reserved
	 */
	public void deliver(List<byte[]> frames, long size) {
		QUEUED.addAndGet(this, -size);
		this.channel.write(frames);
	}

	/**
	 * The bytes of some frames.
	 * @param frames the frames
	 * @return their length together
	 */
	public static long size(byte[]... frames) {
		long size = 0;
		for (byte[] frame : frames) {
			size += frame.length;
		}
		return size;
	}

	@Override
	public void close() {
		this.channel.close(CloseReason.EXIT);
	}

	/** Closes the session on an operator's request, once what it was sent is written. */
	public void closeByOperator() {
		this.channel.close(CloseReason.CLOSED_BY_OPERATOR);
	}

	/**
	 * What the session is and did, as an operator sees it, with its state in a word.
	 * @return id, remote address, age, counts, TLS and state
	 */
	public Map<String, Object> describe() {
		Map<String, Object> session = this.channel.describe();
		String state = describeState();
		if (state != null) {
			session.put("state", state);
		}
		return session;
	}

	@Override
	public @Nullable String attribute(String name) {
		Map<String, String> attributes = this.attributes;
		return (attributes != null) ? attributes.get(name) : null;
	}

	@Override
	public void attribute(String name, @Nullable String value) {
		Map<String, String> attributes = this.attributes;
		if (attributes == null) {
			if (value == null) {
				return;
			}
			attributes = createAttributes();
		}
		if (value != null) {
			attributes.put(name, value);
		}
		else {
			attributes.remove(name);
		}
		this.channel.observer().changed(this);
	}

	private synchronized Map<String, String> createAttributes() {
		if (this.attributes == null) {
			this.attributes = new ConcurrentHashMap<>(4);
		}
		return this.attributes;
	}

	@Override
	public Map<String, String> attributes() {
		Map<String, String> attributes = this.attributes;
		return (attributes != null) ? Map.copyOf(attributes) : Map.of();
	}

	/**
	 * When the session opened.
	 * @return the instant
	 */
	public Instant openedAt() {
		return Instant.ofEpochMilli(this.openedAt);
	}

	/**
	 * The session as a directory entry.
	 * @param instance the id of this instance
	 * @return its id, listener, instance, client, opening time and attributes
	 */
	public SessionInfo info(String instance) {
		InetSocketAddress client = remoteAddress();
		return new SessionInfo(id(), listener(), instance,
				client.getAddress().getHostAddress() + ":" + client.getPort(), openedAt(), attributes());
	}

	@Nullable Object state() {
		return this.state;
	}

	void state(@Nullable Object state, Function<@Nullable Object, @Nullable String> describer) {
		this.state = state;
		this.describer = describer;
	}

	/**
	 * The session's state in a word, as its service describes it.
	 * @return e.g. {@code awaiting_name}, or null
	 */
	private @Nullable String describeState() {
		return this.describer.apply(this.state);
	}

	@Override
	public String toString() {
		return "Session " + id() + " on " + listener();
	}

}
