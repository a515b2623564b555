package io.wharf.observe.tracing;

import java.net.InetSocketAddress;

import io.micrometer.common.KeyValues;
import org.jspecify.annotations.Nullable;

/**
 * What the observation of one message a service handles knows: the listener, what the
 * message is (a frame, a datagram, or a moment of its session), its session and client,
 * and its size.
 */
public final class MessageObservationContext extends ListenerObservationContext {

	private final String kind;

	private final @Nullable SessionObservationContext session;

	private final int bytes;

	MessageObservationContext(ListenerTraces listener, String kind, @Nullable SessionObservationContext session,
			InetSocketAddress client, int bytes) {
		super(listener, client);
		this.kind = kind;
		this.session = session;
		this.bytes = bytes;
	}

	/**
	 * The listener's attributes and the message's kind, made once per listener and kind.
	 * @return listener, service, transport and kind
	 */
	public KeyValues kindKeyValues() {
		return traces().keyValues(this.kind);
	}

	/**
	 * The span's name.
	 * @return {@code <kind> <listener>}, made once per listener and kind
	 */
	public String spanName() {
		return traces().spanName(this.kind);
	}

	/**
	 * The session's attributes, or a datagram's client's.
	 * @return session id (TCP), peer address and port
	 */
	public KeyValues peerKeyValues() {
		return (this.session != null) ? this.session.peerKeyValues() : ListenerTraces.peer(null, client());
	}

	/**
	 * What the service was called with.
	 * @return {@code frame}, {@code datagram}, or {@code opened}, {@code idle},
	 * {@code draining} or {@code closed} for a session's moments
	 */
	public String kind() {
		return this.kind;
	}

	/**
	 * The session the message belongs to.
	 * @return its id, or null for a datagram
	 */
	public @Nullable String session() {
		return (this.session != null) ? this.session.session() : null;
	}

	/**
	 * The message's payload size.
	 * @return bytes
	 */
	public int bytes() {
		return this.bytes;
	}

}
