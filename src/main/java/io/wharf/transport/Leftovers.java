package io.wharf.transport;

/**
 * What the sessions that ended during a drain left behind: bytes they read that no
 * service answered (0 unless a session was cut off in the middle of a frame), and bytes
 * their clients sent after the session began closing, which were taken off the socket
 * only to be dropped, so that no reset destroys the last replies.
 *
 * @param unanswered bytes read and not answered
 * @param discarded bytes sent after the close began, dropped unread
 */
public record Leftovers(long unanswered, long discarded) {

	/** Nothing left. */
	public static final Leftovers NONE = new Leftovers(0, 0);

	/**
	 * Both together.
	 * @param other more leftovers
	 * @return the sum
	 */
	public Leftovers plus(Leftovers other) {
		return new Leftovers(this.unanswered + other.unanswered, this.discarded + other.discarded);
	}

}
