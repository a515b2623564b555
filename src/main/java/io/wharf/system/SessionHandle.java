package io.wharf.system;

import java.net.InetSocketAddress;
import java.util.List;
import java.util.function.Function;

import io.wharf.api.SendResult;
import io.wharf.api.Session;
import org.jspecify.annotations.Nullable;

/**
 * A TCP session as services see it, with the state its service keeps for it. Created by
 * the transport with each connection; travels with the connection's messages in the
 * {@link ConversationHeaders#SESSION} header.
 */
public final class SessionHandle implements Session {

	private final String id;

	private final String listener;

	private final InetSocketAddress remoteAddress;

	private final SessionChannel channel;

	// Written and read on the connection's I/O thread; volatile for the sockets endpoint.
	private volatile @Nullable Object state;

	private volatile Function<@Nullable Object, @Nullable String> describer = (state) -> null;

	public SessionHandle(String id, String listener, InetSocketAddress remoteAddress, SessionChannel channel) {
		this.id = id;
		this.listener = listener;
		this.remoteAddress = remoteAddress;
		this.channel = channel;
	}

	@Override
	public String id() {
		return this.id;
	}

	@Override
	public String listener() {
		return this.listener;
	}

	@Override
	public InetSocketAddress remoteAddress() {
		return this.remoteAddress;
	}

	@Override
	public boolean isOpen() {
		return this.channel.isOpen();
	}

	@Override
	public SendResult send(byte[]... frames) {
		return this.channel.sendLater(List.of(frames));
	}

	@Override
	public void close() {
		this.channel.closeLater();
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
	public @Nullable String describeState() {
		return this.describer.apply(this.state);
	}

	@Override
	public String toString() {
		return "Session " + this.id + " on " + this.listener;
	}

}
