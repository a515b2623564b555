package io.wharf.transport.tcp.connection;

import java.util.concurrent.TimeUnit;

import io.netty.buffer.Unpooled;
import io.netty.channel.ChannelFuture;
import io.netty.channel.ChannelFutureListener;
import io.netty.channel.ChannelOutboundBuffer;
import io.netty.channel.socket.SocketChannel;
import io.netty.handler.ssl.SslHandler;
import io.wharf.api.CloseReason;
import org.jspecify.annotations.Nullable;

/**
 * How one TCP session closes: why (the first reason recorded wins), and how, so that no
 * reply already written is lost. Runs on the session's event loop.
 */
public final class ConnectionClose {

	/**
	 * How long a closing connection keeps reading, so its last reply is not lost to a
	 * reset.
	 */
	private static final long LINGER_MILLIS = 2000;

	private final SocketChannel channel;

	private volatile boolean closing;

	private volatile long closingSince;

	private @Nullable CloseReason reason;

	public ConnectionClose(SocketChannel channel) {
		this.channel = channel;
	}

	/**
	 * Whether the session is closing, so that it reads and writes nothing more.
	 * @return true once any close began
	 */
	public boolean closing() {
		return this.closing;
	}

	/**
	 * Why the session closed.
	 * @return the first reason recorded; the client's close if none was
	 */
	public CloseReason reason() {
		return (this.reason != null) ? this.reason : CloseReason.CLIENT_CLOSED;
	}

	/**
	 * How long the session has been closing.
	 * @param now {@link System#nanoTime()}
	 * @return nanoseconds since the close began, 0 if it did not
	 */
	public long closingFor(long now) {
		long since = this.closingSince;
		return (since != 0) ? now - since : 0;
	}

	public void record(CloseReason why) {
		if (this.reason == null) {
			this.reason = why;
		}
	}

	/**
	 * Flushes what is written, shuts down output and keeps discarding input for a short
	 * while before closing: closing with unread input would reset the connection and
	 * could destroy the last reply in flight.
	 * @param why why the connection closes, unless a reason was already recorded
	 * @return false if the session was already closing
	 */
	public boolean gracefully(CloseReason why) {
		if (this.closing) {
			return false;
		}
		begin();
		record(why);
		afterPendingWrites().addListener((written) -> {
			if (!written.isSuccess()) {
				this.channel.close();
				return;
			}
			// On TLS, the close_notify alert first, so the client knows nothing was cut.
			SslHandler tls = this.channel.pipeline().get(SslHandler.class);
			ChannelFuture notified = (tls != null) ? tls.closeOutbound() : this.channel.newSucceededFuture();
			notified.addListener((done) -> {
				this.channel.shutdownOutput();
				this.channel.eventLoop().schedule(() -> this.channel.close(), LINGER_MILLIS, TimeUnit.MILLISECONDS);
			});
		});
		return true;
	}

	/** The client shut down its output: close once what it was answered is sent. */
	public void inputEnded() {
		record(CloseReason.CLIENT_CLOSED);
		if (this.closing) {
			this.channel.close();
			return;
		}
		begin();
		afterPendingWrites().addListener(ChannelFutureListener.CLOSE);
	}

	private void begin() {
		this.closing = true;
		this.closingSince = System.nanoTime();
	}

	/** Closes at once, dropping what is not sent yet. */
	public void now(CloseReason why) {
		this.closing = true;
		record(why);
		this.channel.close();
	}

	/**
	 * Bytes written but not yet taken by the client.
	 * @return the pending bytes
	 */
	public long pendingBytes() {
		ChannelOutboundBuffer pending = this.channel.unsafe().outboundBuffer();
		return (pending != null) ? pending.totalPendingWriteBytes() : 0;
	}

	/**
	 * Flushes and completes once everything written so far is on the wire, TLS's pending
	 * records included: replies are framed before they are written, so an empty write
	 * through the whole pipeline is no message.
	 */
	private ChannelFuture afterPendingWrites() {
		return this.channel.writeAndFlush(Unpooled.EMPTY_BUFFER);
	}

}
