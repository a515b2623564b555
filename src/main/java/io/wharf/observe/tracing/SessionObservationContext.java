package io.wharf.observe.tracing;

import java.net.InetSocketAddress;

import io.micrometer.common.KeyValues;
import org.jspecify.annotations.Nullable;

/**
 * What a session's observation knows: the listener, service and protocol, the session and
 * its client from the start; why it closed and what went each way at the end.
 */
public final class SessionObservationContext extends ListenerObservationContext {

	private final String session;

	private @Nullable String closeReason;

	private long[] counts = new long[4];

	/** What names the session in its messages' spans too, made once. */
	private final KeyValues peer;

	SessionObservationContext(ListenerTraces listener, String session, InetSocketAddress client) {
		super(listener, client);
		this.session = session;
		this.peer = ListenerTraces.peer(session, client);
	}

	/**
	 * The listener's attributes.
	 * @return listener, service and transport
	 */
	public KeyValues listenerKeyValues() {
		return traces().keyValues();
	}

	/**
	 * The session's own attributes, which its messages' spans carry too.
	 * @return session id, peer address and port
	 */
	public KeyValues peerKeyValues() {
		return this.peer;
	}

	/**
	 * The session's id, as the sockets endpoint and the log lines name it.
	 * @return the id
	 */
	public String session() {
		return this.session;
	}

	/**
	 * Why the session closed, once it has.
	 * @return the close reason's name, or null while the session is open
	 */
	public @Nullable String closeReason() {
		return this.closeReason;
	}

	/**
	 * What went each way over the session, once it has closed.
	 * @return messages received, bytes received, messages sent, bytes sent
	 */
	public long[] counts() {
		return this.counts.clone();
	}

	/** The caller hands over a fresh array of the counts. */
	void closed(String reason, long[] counts) {
		this.closeReason = reason;
		this.counts = counts;
	}

}
