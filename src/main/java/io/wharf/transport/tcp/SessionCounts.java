package io.wharf.transport.tcp;

import java.util.LinkedHashMap;
import java.util.Map;

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

	Map<String, Object> describe(String id, String remote) {
		Map<String, Object> session = new LinkedHashMap<>();
		session.put("id", id);
		session.put("remote", remote);
		session.put("ageSeconds", openNanos() / 1_000_000_000);
		session.put("messagesReceived", this.messagesIn);
		session.put("messagesSent", this.messagesOut);
		session.put("bytesReceived", this.bytesIn);
		session.put("bytesSent", this.bytesOut);
		return session;
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
