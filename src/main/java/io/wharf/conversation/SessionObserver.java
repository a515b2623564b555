package io.wharf.conversation;

/**
 * Told of every TCP session's life, as the cluster's directory is: when it opens, when
 * its attributes change, when it closes. Called on the session's I/O thread or the thread
 * that set an attribute; an observer must return at once.
 */
public interface SessionObserver {

	/** An observer that does nothing, where there is no cluster. */
	SessionObserver NONE = new SessionObserver() {
	};

	/**
	 * A session opened.
	 * @param session the session
	 */
	default void opened(SessionHandle session) {
	}

	/**
	 * A session's attributes changed.
	 * @param session the session
	 */
	default void changed(SessionHandle session) {
	}

	/**
	 * A session closed.
	 * @param session the session
	 */
	default void closed(SessionHandle session) {
	}

}
