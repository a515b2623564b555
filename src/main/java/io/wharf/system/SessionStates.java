package io.wharf.system;

import org.jspecify.annotations.Nullable;

/**
 * A service's view of its open sessions, for operators: what state each connection is in.
 */
public interface SessionStates {

	/**
	 * The state of a session.
	 * @param connectionId the connection id
	 * @return e.g. {@code awaiting_name}, or {@code null} when this service has no such
	 * session
	 */
	@Nullable String state(String connectionId);

}
