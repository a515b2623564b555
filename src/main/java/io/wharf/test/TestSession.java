package io.wharf.test;

import java.net.InetSocketAddress;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import io.wharf.api.SendResult;
import io.wharf.api.Session;
import org.jspecify.annotations.Nullable;

/**
 * A session for testing a service without sockets: it records every frame the service
 * sends it later ({@link #send}) and whether the service closed it, and keeps attributes
 * like a real session. Safe to use from any thread.
 */
public final class TestSession implements Session {

	private final String id;

	private final String listener;

	private final InetSocketAddress remoteAddress;

	private final List<byte[]> sent = new ArrayList<>();

	private final Map<String, String> attributes = new ConcurrentHashMap<>();

	private volatile boolean open = true;

	/**
	 * A session from a client at 127.0.0.1.
	 * @param id its id
	 * @param listener the listener it arrived on
	 */
	public TestSession(String id, String listener) {
		this(id, listener, new InetSocketAddress("127.0.0.1", 40000));
	}

	/**
	 * A session from a given client.
	 * @param id its id
	 * @param listener the listener it arrived on
	 * @param remoteAddress the client
	 */
	public TestSession(String id, String listener, InetSocketAddress remoteAddress) {
		this.id = id;
		this.listener = listener;
		this.remoteAddress = remoteAddress;
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
		return this.open;
	}

	@Override
	public SendResult send(byte[]... frames) {
		if (!this.open) {
			return SendResult.GONE;
		}
		synchronized (this.sent) {
			this.sent.addAll(List.of(frames));
		}
		return SendResult.SENT;
	}

	@Override
	public void close() {
		this.open = false;
	}

	@Override
	public @Nullable String attribute(String name) {
		return this.attributes.get(name);
	}

	@Override
	public void attribute(String name, @Nullable String value) {
		if (value != null) {
			this.attributes.put(name, value);
		}
		else {
			this.attributes.remove(name);
		}
	}

	@Override
	public Map<String, String> attributes() {
		return Map.copyOf(this.attributes);
	}

	/**
	 * The frames sent to the session outside a call to its service, in order.
	 * @return the frames
	 */
	public List<byte[]> sent() {
		synchronized (this.sent) {
			return List.copyOf(this.sent);
		}
	}

	/**
	 * The frames sent to the session later, as UTF-8 text, and forgets them.
	 * @return the frames
	 */
	public List<String> takeSent() {
		synchronized (this.sent) {
			List<String> text = Answered.text(this.sent);
			this.sent.clear();
			return text;
		}
	}

	@Override
	public String toString() {
		return "TestSession " + this.id + " on " + this.listener;
	}

}
