package io.wharf.transport;

import java.util.Map;

import io.wharf.api.Session;

/**
 * An open TCP session as an operator sees it.
 */
public interface OpenSession {

	/**
	 * What the session is and did: id, remote address, age, messages and bytes each way.
	 * @return the description
	 */
	Map<String, Object> describe();

	/**
	 * The session as its service sees it.
	 * @return the handle services send through
	 */
	Session session();

	/** Closes the session on an operator's request. */
	void closeByOperator();

}
