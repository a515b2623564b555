package io.wharf.transport.tcp.proxy;

import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;

import io.netty.buffer.ByteBuf;
import io.netty.channel.ChannelHandlerContext;
import io.netty.handler.codec.ByteToMessageDecoder;
import io.netty.handler.codec.ProtocolDetectionResult;
import io.netty.handler.codec.ProtocolDetectionState;
import io.netty.handler.codec.haproxy.HAProxyMessageDecoder;
import io.netty.handler.codec.haproxy.HAProxyProtocolVersion;
import org.jspecify.annotations.Nullable;

/**
 * The first handler of a connection on a listener with {@code proxy-protocol} on or
 * optional: looks at the first bytes (Netty's detection), and either hands the header to
 * Netty's {@link HAProxyMessageDecoder} and {@link ProxiedClient} (from a trusted proxy
 * only), or, when optional and there is no header, opens the session for the peer itself.
 * A connection that stays silent is opened as a direct client after a moment when the
 * header is optional (a service may speak first), and closed after
 * {@link #HEADER_TIMEOUT_SECONDS} when it is required.
 */
public final class ProxyHeader extends ByteToMessageDecoder {

	/** A proxy sends its header at once; a connection without one is not from a proxy. */
	static final long HEADER_TIMEOUT_SECONDS = 10;

	/**
	 * How long an optional header is waited for before the peer is taken as the client.
	 */
	static final long OPTIONAL_WAIT_MILLIS = 500;

	private static final byte[] V1 = "PROXY ".getBytes(StandardCharsets.US_ASCII);

	private static final byte[] V2 = { 0x0D, 0x0A, 0x0D, 0x0A, 0x00, 0x0D, 0x0A, 0x51, 0x55, 0x49, 0x54, 0x0A };

	private final PendingClient pending;

	private final boolean required;

	private final boolean trusted;

	private @Nullable ScheduledFuture<?> deadline;

	/**
	 * Waits for the header of one connection.
	 * @param pending the connection
	 * @param required whether a connection without a header is refused
	 * @param trusted whether the peer is a trusted proxy
	 */
	public ProxyHeader(PendingClient pending, boolean required, boolean trusted) {
		this.pending = pending;
		this.required = required;
		this.trusted = trusted;
	}

	@Override
	public void handlerAdded(ChannelHandlerContext ctx) {
		long millis = this.required ? TimeUnit.SECONDS.toMillis(HEADER_TIMEOUT_SECONDS) : OPTIONAL_WAIT_MILLIS;
		this.deadline = ctx.executor().schedule(() -> silent(ctx), millis, TimeUnit.MILLISECONDS);
	}

	/**
	 * Removed once the connection is decided or closes, when the deadline is cancelled,
	 * or once a header was detected, when the header's reader keeps the deadline.
	 */
	@Override
	protected void handlerRemoved0(ChannelHandlerContext ctx) {
		if (this.deadline != null) {
			this.deadline.cancel(false);
		}
	}

	private void silent(ChannelHandlerContext ctx) {
		if (this.pending.decided()) {
			return;
		}
		if (this.required || ctx.isRemoved() || actualReadableBytes() > 0) {
			this.pending.refuse("proxy_header", "no complete PROXY protocol header within " + HEADER_TIMEOUT_SECONDS
					+ " s; check that the load balancer sends one (send-proxy / send-proxy-v2)");
			return;
		}
		openDirect(ctx);
	}

	@Override
	protected void decode(ChannelHandlerContext ctx, ByteBuf in, List<Object> out) {
		if (this.pending.decided()) {
			return;
		}
		switch (detect(in)) {
			case NEEDS_MORE_DATA -> {
			}
			case INVALID -> {
				if (this.required) {
					this.pending.refuse("proxy_header", "it did not start with a PROXY protocol header");
				}
				else {
					openDirect(ctx);
				}
			}
			case DETECTED -> {
				if (!this.trusted) {
					this.pending.refuse("untrusted_proxy",
							"it sent a PROXY protocol header but is not one of " + "the trusted-proxies");
					return;
				}
				ProxiedClient client = new ProxiedClient(this.pending, this.deadline);
				this.deadline = null;
				ctx.pipeline()
					.addAfter(ctx.name(), "proxy-decoder", new HAProxyMessageDecoder())
					.addAfter("proxy-decoder", "proxy-client", client);
				ctx.pipeline().remove(this);
			}
		}
	}

	/**
	 * Whether the bytes so far may start a PROXY header.
	 * @param in the first bytes of a connection
	 * @return false once they cannot
	 */
	static boolean looksLikeHeader(ByteBuf in) {
		return detect(in) != ProtocolDetectionState.INVALID;
	}

	/** The header's signatures, checked on fewer bytes than Netty needs to decide. */
	private static ProtocolDetectionState detect(ByteBuf in) {
		int readable = in.readableBytes();
		if (readable < V2.length && !startsLike(in, V1) && !startsLike(in, V2)) {
			return ProtocolDetectionState.INVALID;
		}
		ProtocolDetectionResult<HAProxyProtocolVersion> detected = HAProxyMessageDecoder.detectProtocol(in);
		return detected.state();
	}

	private static boolean startsLike(ByteBuf in, byte[] signature) {
		int length = Math.min(in.readableBytes(), signature.length);
		for (int i = 0; i < length; i++) {
			if (in.getByte(in.readerIndex() + i) != signature[i]) {
				return false;
			}
		}
		return true;
	}

	private void openDirect(ChannelHandlerContext ctx) {
		this.pending.open((InetSocketAddress) ctx.channel().remoteAddress());
		ctx.pipeline().remove(this);
	}

}
