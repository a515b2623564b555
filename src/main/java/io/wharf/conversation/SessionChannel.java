package io.wharf.conversation;

import java.net.InetSocketAddress;
import java.util.List;
import java.util.Map;

import io.wharf.api.CloseReason;

/**
 * What a transport's connection offers the {@link SessionHandle} that services and
 * operators hold.
 */
public interface SessionChannel {

	/**
	 * The session's id.
	 * @return an id unique in the cluster, e.g. {@code 8889-2f}
	 */
	String id();

	/**
	 * The listener the connection arrived on.
	 * @return its name
	 */
	String listener();

	/**
	 * The client.
	 * @return its address and port (the PROXY header's, behind a proxy)
	 */
	InetSocketAddress remoteAddress();

	/**
	 * Who is told when the session's attributes change.
	 * @return the observer
	 */
	SessionObserver observer();

	/**
	 * Whether the connection is open and not closing.
	 * @return true while frames can still be sent
	 */
	boolean isOpen();

	/**
	 * How much more may be queued before the connection's output buffer is full.
	 * @return bytes, 0 when the client is not reading what it was sent
	 */
	long writableBytes();

	/**
	 * Runs a task on the connection's I/O thread, after what runs there now.
	 * @param task the task
	 */
	void execute(Runnable task);

	/**
	 * Writes frames, each framed by the listener; on the connection's I/O thread only.
	 * @param frames the frames, in order
	 */
	void write(List<byte[]> frames);

	/**
	 * Writes a service's answer to what this connection's session sent, on the
	 * connection's I/O thread, as a reply through Spring Integration would be: the
	 * frames, then the close the answer asks for.
	 * @param frames the frames, in order
	 * @param close whether the session closes after them
	 * @param keepOpen whether an idle session stays open
	 */
	void answer(List<byte[]> frames, boolean close, boolean keepOpen);

	/**
	 * Closes the connection once what was queued before is written; from any thread.
	 * @param reason why, as the meters and the log line say
	 */
	void close(CloseReason reason);

	/**
	 * What the connection is and did, for an operator: id, remote address, age, messages
	 * and bytes each way, TLS.
	 * @return the description, in a stable order
	 */
	Map<String, Object> describe();

}
