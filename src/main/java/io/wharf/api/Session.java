package io.wharf.api;

import java.net.InetSocketAddress;

/**
 * An open TCP session as a service sees it. A service may keep it and send to it later,
 * from any thread.
 */
public interface Session {

	/**
	 * The session's id, unique in the process and safe in a URL path.
	 * @return e.g. {@code 127.0.0.1:46714:8889:2f}
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

}
