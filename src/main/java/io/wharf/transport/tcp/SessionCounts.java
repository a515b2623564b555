package io.wharf.transport.tcp;

/**
 * What one TCP session received and sent, for the line logged when it closes.
 */
final class SessionCounts {

	private volatile long messagesIn;

	private volatile long messagesOut;

	private volatile long bytesIn;

	private volatile long bytesOut;

	private final long openedAt = System.nanoTime();

	// Each field has a single writer thread at a time: the connection's reader or event
	// loop.
	void received(long messages) {
		this.messagesIn += messages;
	}

	void sent(long messages) {
		this.messagesOut += messages;
	}

	void bytesIn(long bytes) {
		this.bytesIn += bytes;
	}

	void bytesOut(long bytes) {
		this.bytesOut += bytes;
	}

	long openNanos() {
		return System.nanoTime() - this.openedAt;
	}

	@Override
	public String toString() {
		return "received " + this.messagesIn + " messages / " + this.bytesIn + " bytes, sent " + this.messagesOut
				+ " messages / " + this.bytesOut + " bytes";
	}

}
