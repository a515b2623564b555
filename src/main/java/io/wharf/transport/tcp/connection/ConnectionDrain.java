package io.wharf.transport.tcp.connection;

/**
 * Where one session is in the server's drain: its service's last words are said once, at
 * once for a session between frames, and for a session in the middle of a frame once that
 * frame is answered. A client that streams frames back to back is always in the middle of
 * one; once a frame is answered during the drain, the next one, not read in full, is not
 * waited for. Made when the drain reaches the session; used on its event loop only.
 */
public final class ConnectionDrain {

	private boolean lastWordsSaid;

	private boolean answeredWhileDraining;

	/** A frame is read: once it is answered, a drain need not wait for the next. */
	public void frameRead() {
		this.answeredWhileDraining = true;
	}

	/**
	 * Whether the last words are due now; true once at most.
	 * @param closing whether the session is closing anyway
	 * @param midFrame whether a frame is partly read
	 * @return true if the service should say its last words and the session close
	 */
	public boolean lastWordsDue(boolean closing, boolean midFrame) {
		if (this.lastWordsSaid || closing || (midFrame && !this.answeredWhileDraining)) {
			return false;
		}
		this.lastWordsSaid = true;
		return true;
	}

}
