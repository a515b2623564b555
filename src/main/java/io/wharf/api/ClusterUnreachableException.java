package io.wharf.api;

/**
 * In cluster mode, a lookup ({@link SocketSessions#locate}, {@link SocketSessions#list})
 * could not be answered: Redis did not answer within {@code wharf.cluster.send-timeout}.
 * The stage of such a lookup completes with it.
 */
public class ClusterUnreachableException extends RuntimeException {

	/**
	 * Creates the exception.
	 * @param message what could not be reached, and why
	 */
	public ClusterUnreachableException(String message) {
		super(message);
	}

}
