package io.wharf.transport.tcp;

import java.io.IOException;

import io.netty.buffer.ByteBuf;
import io.netty.buffer.ByteBufUtil;
import io.netty.channel.ChannelHandler;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInboundHandlerAdapter;
import io.netty.channel.socket.ChannelInputShutdownEvent;
import io.netty.handler.codec.DecoderException;
import io.wharf.api.CloseReason;
import io.wharf.transport.tcp.framing.FrameAssembly;
import io.wharf.transport.tcp.framing.FrameException;
import io.wharf.transport.tcp.framing.Framing;
import org.jspecify.annotations.Nullable;

/**
 * The last handler of a connection's pipeline: hands each decoded frame, and each thing
 * that happens to the channel, to the connection's {@link TcpSession}.
 */
final class SessionHandler extends ChannelInboundHandlerAdapter {

	private final TcpSession session;

	private final Framing framing;

	private final @Nullable FrameAssembly assembly;

	SessionHandler(TcpSession session, Framing framing, ChannelHandler decoder) {
		this.session = session;
		this.framing = framing;
		this.assembly = (decoder instanceof FrameAssembly frames) ? frames : null;
	}

	@Override
	public void channelActive(ChannelHandlerContext ctx) {
		this.session.opened();
	}

	@Override
	public void channelRead(ChannelHandlerContext ctx, Object msg) {
		ByteBuf frame = (ByteBuf) msg;
		try {
			this.session.received(ByteBufUtil.getBytes(frame));
		}
		finally {
			frame.release();
		}
	}

	@Override
	public void channelReadComplete(ChannelHandlerContext ctx) {
		if (this.assembly != null) {
			this.session.counts.frameProgress(this.assembly.midFrame());
		}
		this.session.readComplete();
	}

	@Override
	public void channelWritabilityChanged(ChannelHandlerContext ctx) {
		// A client that does not read its echoes stops being read: no unbounded
		// buffering.
		boolean writable = ctx.channel().isWritable();
		ctx.channel().config().setAutoRead(writable);
		this.session.counts.writability(writable);
		ctx.fireChannelWritabilityChanged();
	}

	@Override
	public void userEventTriggered(ChannelHandlerContext ctx, Object event) {
		if (event instanceof ChannelInputShutdownEvent) {
			// The client shut down its output: answer what it sent, then close.
			this.session.close.inputEnded();
		}
	}

	@Override
	public void exceptionCaught(ChannelHandlerContext ctx, Throwable cause) {
		FrameException frame = this.framing.frameError(cause);
		if (frame != null) {
			if (!this.session.close.closing()) {
				this.session.listener().metrics().error(frame.errorType());
				this.session.listener().log().frameRejected(this.session, frame);
				this.session.sayAndClose("ERROR " + frame.getMessage() + "; closing the connection\n",
						CloseReason.FRAME_ERROR);
			}
			this.session.readComplete();
			return;
		}
		Throwable error = (cause instanceof DecoderException && cause.getCause() != null) ? cause.getCause() : cause;
		if (error instanceof IOException) {
			this.session.listener().log().clientGone(this.session, error.getMessage());
			this.session.close.now(CloseReason.CLIENT_CLOSED);
		}
		else {
			this.session.listener().log().unexpected(this.session, "an unexpected error", error);
			this.session.close.now(CloseReason.ERROR);
		}
	}

	@Override
	public void channelInactive(ChannelHandlerContext ctx) {
		this.session.closed();
	}

}
