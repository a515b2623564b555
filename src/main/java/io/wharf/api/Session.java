package io.wharf.api;

import java.net.InetSocketAddress;
import java.util.Map;

import org.jspecify.annotations.Nullable;

/**
 * An open TCP session as a service sees it. A service may keep it and send to it later,
 * from any thread.
 */
public interface Session {

	/**
	 * The session's id, unique in the process (in cluster mode, in the cluster) and safe
	 * in a URL path.
	 * @return {@code <listener port>-<number>} such as {@code 21000-2f}; in cluster mode
	 * {@code <instance>_<listener port>-<number>} such as
	 * {@code wharf-7d4b9-x2k8p_21000-3a91f0c2}
	 */
	String id();

	/**
	 * The listener the session arrived on.
	 * @return its name under {@code wharf.listeners}
	 */
	String listener();

	/**
	 * The client's address and port.
	 * @return the remote address
	 */
	InetSocketAddress remoteAddress();

	/**
	 * Whether the session is still open.
	 * @return false once it closed or began closing
	 */
	boolean isOpen();

	/**
	 * Sends frames now, unprompted, from any thread; each is framed by the listener.
	 * Never buffers without bound: a client that does not read is refused more.
	 * @param frames the frames, in order
	 * @return what became of them
	 */
	SendResult send(byte[]... frames);

	/** Closes the session once what was sent before is on the wire. */
	void close();

	/**
	 * One of the session's attributes: short text a service keeps about the session that
	 * others may read, such as a chat user's nickname.
	 * @param name the attribute's name
	 * @return its value, or null when it is not set
	 */
	@Nullable String attribute(String name);

	/**
	 * Sets or removes one of the session's attributes, from any thread. Other sessions'
	 * services read it through {@link SocketSessions#sessions(String)}, and in cluster
	 * mode every instance through {@link SocketSessions#list(String)}.
	 * @param name the attribute's name
	 * @param value its value, or null to remove it
	 */
	void attribute(String name, @Nullable String value);

	/**
	 * All of the session's attributes.
	 * @return a snapshot, by name
	 */
	Map<String, String> attributes();

}
