package io.wharf.transport.tcp;

import io.netty.buffer.ByteBuf;
import io.netty.buffer.ByteBufUtil;
import io.netty.channel.ChannelHandler;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInboundHandlerAdapter;
import io.netty.channel.socket.ChannelInputShutdownEvent;
import io.wharf.transport.tcp.framing.FrameAssembly;
import org.jspecify.annotations.Nullable;

/**
 * The last handler of a connection's pipeline: turns each decoded frame and each thing
 * that happens to the channel into a call on the connection's session, which decides what
 * it means. Decides nothing itself.
 */
final class SessionHandler extends ChannelInboundHandlerAdapter {

	private final AcceptedConnection connection;

	private final @Nullable FrameAssembly assembly;

	SessionHandler(AcceptedConnection connection, ChannelHandler decoder) {
		this.connection = connection;
		this.assembly = (decoder instanceof FrameAssembly frames) ? frames : null;
	}

	@Override
	public void channelActive(ChannelHandlerContext ctx) {
		this.connection.active();
	}

	@Override
	public void channelRead(ChannelHandlerContext ctx, Object msg) {
		ByteBuf frame = (ByteBuf) msg;
		try {
			TcpSession session = this.connection.session();
			if (session != null) {
				session.received(ByteBufUtil.getBytes(frame));
			}
		}
		finally {
			frame.release();
		}
	}

	@Override
	public void channelReadComplete(ChannelHandlerContext ctx) {
		TcpSession session = this.connection.session();
		if (session != null) {
			session.readComplete((this.assembly != null) ? this.assembly.heldBytes() : 0);
		}
	}

	@Override
	public void channelWritabilityChanged(ChannelHandlerContext ctx) {
		TcpSession session = this.connection.session();
		if (session != null) {
			session.writability(ctx.channel().isWritable());
		}
		ctx.fireChannelWritabilityChanged();
	}

	@Override
	public void userEventTriggered(ChannelHandlerContext ctx, Object event) {
		if (!(event instanceof ChannelInputShutdownEvent)) {
			ctx.fireUserEventTriggered(event);
			return;
		}
		TcpSession session = this.connection.session();
		if (session != null) {
			session.inputEnded();
		}
		else {
			ctx.close();
		}
	}

	@Override
	public void exceptionCaught(ChannelHandlerContext ctx, Throwable cause) {
		this.connection.failed(cause);
	}

}
