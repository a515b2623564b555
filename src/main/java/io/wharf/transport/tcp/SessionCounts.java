package io.wharf.transport.tcp;

import java.util.LinkedHashMap;
import java.util.Map;

import io.netty.buffer.ByteBuf;
import io.netty.channel.ChannelDuplexHandler;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelPromise;
import io.wharf.observe.ListenerMetrics;

/**
 * What one TCP session received and sent: bytes on the wire (framing included), counted
 * at the head of its pipeline, and messages, counted by the session. The listener's
 * meters are updated once per read batch and per flush, not per buffer.
 */
final class SessionCounts extends ChannelDuplexHandler {

	private final ListenerMetrics metrics;

	private final long openedAt = System.nanoTime();

	// Written on the session's event loop only; volatile for the sockets endpoint.
	private volatile long bytesIn;

	private volatile long bytesOut;

	private volatile long messagesIn;

	private volatile long messagesOut;

	private long unmeteredBytesIn;

	private long unmeteredBytesOut;

	private int unmeteredIn;

	private int unmeteredOut;

	SessionCounts(ListenerMetrics metrics) {
		this.metrics = metrics;
	}

	@Override
	public void channelRead(ChannelHandlerContext ctx, Object msg) {
		if (msg instanceof ByteBuf bytes) {
			this.bytesIn += bytes.readableBytes();
			this.unmeteredBytesIn += bytes.readableBytes();
		}
		ctx.fireChannelRead(msg);
	}

	@Override
	public void write(ChannelHandlerContext ctx, Object msg, ChannelPromise promise) {
		if (msg instanceof ByteBuf bytes) {
			this.bytesOut += bytes.readableBytes();
			this.unmeteredBytesOut += bytes.readableBytes();
		}
		ctx.write(msg, promise);
	}

	@Override
	public void flush(ChannelHandlerContext ctx) {
		meter();
		ctx.flush();
	}

	void received() {
		this.messagesIn++;
		this.unmeteredIn++;
	}

	void sent(int messages) {
		this.messagesOut += messages;
		this.unmeteredOut += messages;
	}

	/** Adds what was counted since the last call to the listener's meters. */
	void meter() {
		if (this.unmeteredBytesIn > 0) {
			this.metrics.bytesReceived(this.unmeteredBytesIn);
			this.unmeteredBytesIn = 0;
		}
		if (this.unmeteredBytesOut > 0) {
			this.metrics.bytesSent(this.unmeteredBytesOut);
			this.unmeteredBytesOut = 0;
		}
		if (this.unmeteredIn > 0) {
			this.metrics.messagesReceived(this.unmeteredIn);
			this.unmeteredIn = 0;
		}
		if (this.unmeteredOut > 0) {
			this.metrics.messagesSent(this.unmeteredOut);
			this.unmeteredOut = 0;
		}
	}

	long openNanos() {
		return System.nanoTime() - this.openedAt;
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

	@Override
	public String toString() {
		return "received " + this.messagesIn + " messages / " + this.bytesIn + " bytes, sent " + this.messagesOut
				+ " messages / " + this.bytesOut + " bytes";
	}

}
