package io.wharf.transport.tcp.tls;

import java.net.SocketAddress;

import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInboundHandlerAdapter;
import io.netty.handler.ssl.SslHandshakeCompletionEvent;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Follows one connection's TLS handshake, right after Netty's {@code SslHandler}: a
 * completed handshake is timed and reported to the connection (whose session only then
 * opens: a failed handshake never reaches the service); a failed one is counted by
 * result, logged (throttled per listener) and closed. Leaves the pipeline once the
 * handshake is decided, so it sees one outcome per connection.
 */
public final class TlsHandshake extends ChannelInboundHandlerAdapter {

	private static final Logger logger = LoggerFactory.getLogger(TlsHandshake.class);

	private final ListenerTls tls;

	private final Runnable established;

	private final long started = System.nanoTime();

	/**
	 * Follows the handshake of one connection.
	 * @param tls the listener's TLS
	 * @param established tells the connection its handshake completed
	 */
	public TlsHandshake(ListenerTls tls, Runnable established) {
		this.tls = tls;
		this.established = established;
	}

	@Override
	public void userEventTriggered(ChannelHandlerContext ctx, Object event) {
		if (!(event instanceof SslHandshakeCompletionEvent completion)) {
			ctx.fireUserEventTriggered(event);
			return;
		}
		ctx.pipeline().remove(this);
		if (completion.isSuccess()) {
			this.tls.meters().succeeded(System.nanoTime() - this.started);
			this.established.run();
			return;
		}
		failed(ctx, completion.cause());
	}

	/**
	 * SslHandler reports a failed handshake as an event first, which removes this
	 * handler; an exception that reaches it still is a failure without one.
	 */
	@Override
	public void exceptionCaught(ChannelHandlerContext ctx, Throwable cause) {
		ctx.pipeline().remove(this);
		failed(ctx, cause);
	}

	private void failed(ChannelHandlerContext ctx, Throwable cause) {
		String result = HandshakeFailure.result(cause);
		this.tls.meters().failed(result);
		long heldBack = HandshakeFailure.clientLeft(cause) ? -1 : this.tls.throttle().admit(result);
		SocketAddress client = ctx.channel().remoteAddress();
		if (heldBack < 0) {
			logger.debug("Listener '{}': TLS handshake with {} failed ({}): {}", this.tls.listener(), client, result,
					cause.getMessage());
		}
		else {
			logger.warn("Listener '{}': TLS handshake with {} failed ({}): {}; {}{}", this.tls.listener(), client,
					result, cause.getMessage(), HandshakeFailure.hint(result),
					(heldBack > 0) ? " (" + heldBack + " more like it not logged)" : "");
		}
		ctx.close();
	}

}
