package io.wharf.transport.tcp;

import io.netty.buffer.ByteBuf;
import io.netty.buffer.ByteBufUtil;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInboundHandlerAdapter;
import io.netty.channel.socket.ChannelInputShutdownEvent;
import io.netty.channel.socket.SocketChannel;
import io.netty.handler.codec.DecoderException;
import io.netty.handler.timeout.IdleStateEvent;
import org.jspecify.annotations.Nullable;

/**
 * The last handler of a Netty listener's pipeline: turns channel events into calls on the
 * channel's {@link NettyConnection}.
 */
final class NettyConnectionHandler extends ChannelInboundHandlerAdapter {

	private final NettyServerConnectionFactory factory;

	private @Nullable NettyConnection connection;

	NettyConnectionHandler(NettyServerConnectionFactory factory) {
		this.factory = factory;
	}

	@Override
	public void channelActive(ChannelHandlerContext ctx) {
		NettyConnection opened = this.factory.accept((SocketChannel) ctx.channel());
		this.connection = opened;
		if (opened != null) {
			opened.opened();
		}
	}

	@Override
	public void channelRead(ChannelHandlerContext ctx, Object msg) {
		ByteBuf frame = (ByteBuf) msg;
		try {
			if (this.connection != null) {
				this.connection.received(ByteBufUtil.getBytes(frame));
			}
		}
		finally {
			frame.release();
		}
	}

	@Override
	public void channelReadComplete(ChannelHandlerContext ctx) {
		if (this.connection != null) {
			this.connection.readComplete();
		}
	}

	@Override
	public void channelWritabilityChanged(ChannelHandlerContext ctx) {
		// A client that does not read its echoes stops being read: no unbounded
		// buffering.
		ctx.channel().config().setAutoRead(ctx.channel().isWritable());
		ctx.fireChannelWritabilityChanged();
	}

	@Override
	public void userEventTriggered(ChannelHandlerContext ctx, Object event) {
		if (this.connection == null) {
			return;
		}
		if (event instanceof IdleStateEvent) {
			this.connection.expire();
			this.connection.readComplete();
		}
		else if (event instanceof ChannelInputShutdownEvent) {
			this.connection.inputEnded();
		}
	}

	@Override
	public void exceptionCaught(ChannelHandlerContext ctx, Throwable cause) {
		Throwable error = (cause instanceof DecoderException && cause.getCause() != null) ? cause.getCause() : cause;
		if (this.connection == null) {
			ctx.close();
		}
		else if (error instanceof FrameException frame) {
			this.connection.rejectFrame(frame);
		}
		else {
			this.connection.failed(error);
		}
	}

	@Override
	public void channelInactive(ChannelHandlerContext ctx) {
		if (this.connection != null) {
			this.factory.closed(this.connection);
		}
	}

}
