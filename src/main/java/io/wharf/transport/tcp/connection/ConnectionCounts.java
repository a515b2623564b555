package io.wharf.transport.tcp.connection;

import java.util.LinkedHashMap;
import java.util.Map;

import io.netty.buffer.ByteBuf;
import io.netty.buffer.ByteBufAllocator;
import io.netty.handler.codec.ByteToMessageDecoder;
import io.wharf.observe.ListenerMetrics;

/**
 * What one TCP session received and sent, and when it last read: bytes read on the wire,
 * counted as the framing decoder gathers them (after TLS, before framing), and messages
 * and framed bytes sent, counted by the session as it writes. The listener's meters are
 * updated once per read batch, not per buffer. It is the decoder's
 * {@link ByteToMessageDecoder.Cumulator} rather than a handler of its own: a pipeline
 * stage less per connection, in heap and in every read.
 */
public final class ConnectionCounts implements ByteToMessageDecoder.Cumulator {

	private final ListenerMetrics metrics;

	// Set again when the session opens, after a PROXY header or a TLS handshake.
	private volatile long openedAt = System.nanoTime();

	// Written on the session's event loop only; volatile for the sockets endpoint.
	private volatile long bytesIn;

	private volatile long bytesOut;

	private volatile long messagesIn;

	private volatile long messagesOut;

	private volatile long lastRead = this.openedAt;

	// When the first byte of a frame not complete yet was read; 0 when none is held.
	private volatile long midFrameSince;

	// When the client stopped taking replies (the output buffer is full); 0 while it
	// takes them.
	private volatile long unwritableSince;

	// Counted since the last read batch was metered; a batch is far below 2 GB.
	private int unmeteredBytesIn;

	private int unmeteredBytesOut;

	private int unmeteredIn;

	private int unmeteredOut;

	/** Bytes of an incomplete frame the decoder held after the last read. */
	private int heldBytes;

	/** Frames read but not delivered, because the session was closing. */
	private long droppedBytes;

	/**
	 * Once the session began closing, what the client sends is read only to be dropped.
	 */
	private boolean discarding;

	private long discardedBytes;

	public ConnectionCounts(ListenerMetrics metrics) {
		this.metrics = metrics;
	}

	/** The session opened: its age and its silence count from now. */
	public void opened() {
		this.openedAt = System.nanoTime();
		this.lastRead = this.openedAt;
	}

	/**
	 * A read arrived: counted, then added to what the decoder holds; once the session
	 * began closing, counted apart and dropped, so nothing more is decoded.
	 */
	@Override
	public ByteBuf cumulate(ByteBufAllocator allocator, ByteBuf cumulation, ByteBuf in) {
		int bytes = in.readableBytes();
		if (this.discarding) {
			this.discardedBytes += bytes;
			in.release();
			return cumulation;
		}
		this.lastRead = System.nanoTime();
		this.bytesIn += bytes;
		this.unmeteredBytesIn += bytes;
		return ByteToMessageDecoder.MERGE_CUMULATOR.cumulate(allocator, cumulation, in);
	}

	public void received() {
		// A frame ended; the frame timeout counts from the start of the next one.
		if (this.midFrameSince != 0) {
			this.midFrameSince = 0;
		}
		this.messagesIn++;
		this.unmeteredIn++;
	}

	public void sent(int messages, int bytes) {
		this.messagesOut += messages;
		this.unmeteredOut += messages;
		this.bytesOut += bytes;
		this.unmeteredBytesOut += bytes;
	}

	/**
	 * The session began closing: what the client sends from now on is not read into the
	 * conversation, only taken off the socket (so that no reset destroys the last
	 * replies) and counted apart.
	 */
	public void stopReading() {
		this.discarding = true;
	}

	/**
	 * A frame read while the session was closing, which no service saw.
	 * @param bytes its length
	 */
	public void dropped(int bytes) {
		this.droppedBytes += bytes;
	}

	/**
	 * Bytes the session read from the client that no service saw: frames read while it
	 * was closing, and the incomplete frame it held when it closed.
	 * @return the bytes read and not answered
	 */
	public long unansweredBytes() {
		return this.droppedBytes + this.heldBytes;
	}

	/**
	 * Bytes the client sent after the session began closing, dropped unread.
	 * @return the bytes discarded
	 */
	public long discardedBytes() {
		return this.discardedBytes;
	}

	/** Adds what was counted since the last call to the listener's meters. */
	public void meter() {
		if (this.unmeteredBytesIn > 0) {
			this.metrics.bytesReceived(this.unmeteredBytesIn);
			this.unmeteredBytesIn = 0;
		}
		if (this.unmeteredIn > 0) {
			this.metrics.messagesReceived(this.unmeteredIn);
			this.unmeteredIn = 0;
		}
		if (this.unmeteredOut > 0) {
			this.metrics.messagesSent(this.unmeteredOut);
			this.metrics.bytesSent(this.unmeteredBytesOut);
			this.unmeteredOut = 0;
			this.unmeteredBytesOut = 0;
		}
	}

	/** The service kept an idle session: its silence counts from now. */
	public void restartIdle() {
		this.lastRead = System.nanoTime();
	}

	/**
	 * How long nothing was read.
	 * @return nanoseconds since the last read, or since the session opened
	 */
	public long idleNanos() {
		return System.nanoTime() - this.lastRead;
	}

	/**
	 * Notes, after each read, whether the decoder holds part of a frame.
	 * @param heldBytes the bytes of it held, 0 for none
	 */
	public void frameProgress(int heldBytes) {
		this.heldBytes = heldBytes;
		boolean midFrame = heldBytes > 0;
		if (!midFrame) {
			this.midFrameSince = 0;
		}
		else if (this.midFrameSince == 0) {
			this.midFrameSince = this.lastRead;
		}
	}

	public boolean midFrame() {
		return this.midFrameSince != 0;
	}

	public long midFrameFor(long now) {
		long since = this.midFrameSince;
		return (since != 0) ? now - since : 0;
	}

	/**
	 * Notes whether the client takes its replies.
	 * @param writable whether the channel's output buffer has room
	 */
	public void writability(boolean writable) {
		this.unwritableSince = writable ? 0 : System.nanoTime();
	}

	public long unwritableFor(long now) {
		long since = this.unwritableSince;
		return (since != 0) ? now - since : 0;
	}

	/**
	 * When the session opened.
	 * @return a {@link System#nanoTime()} reading
	 */
	public long openedAt() {
		return this.openedAt;
	}

	public long openNanos() {
		return System.nanoTime() - this.openedAt;
	}

	/**
	 * What went each way, for a session's trace.
	 * @return messages received, bytes received, messages sent, bytes sent
	 */
	public long[] totals() {
		return new long[] { this.messagesIn, this.bytesIn, this.messagesOut, this.bytesOut };
	}

	public Map<String, Object> describe(String id, String remote) {
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

	@Override
	public String toString() {
		long unanswered = unansweredBytes();
		return "received " + this.messagesIn + " messages / " + this.bytesIn + " bytes, sent " + this.messagesOut
				+ " messages / " + this.bytesOut + " bytes"
				+ ((unanswered > 0) ? ", " + unanswered + " bytes read and not answered" : "")
				+ ((this.discardedBytes > 0)
						? ", " + this.discardedBytes + " bytes sent after the close began discarded unread" : "");
	}

}
