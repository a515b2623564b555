package io.wharf.transport.tcp.framing;

import io.netty.buffer.ByteBuf;
import io.netty.buffer.Unpooled;
import io.netty.channel.ChannelHandler.Sharable;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelOutboundHandlerAdapter;
import io.netty.channel.ChannelPromise;

/**
 * Frames a reply between the listener's start (if any) and end delimiters. Copies
 * nothing.
 */
@Sharable
final class DelimiterEncoder extends ChannelOutboundHandlerAdapter {

	private final ByteBuf start;

	private final ByteBuf end;

	DelimiterEncoder(byte[] start, byte[] end) {
		this.start = Unpooled.unreleasableBuffer(Unpooled.wrappedBuffer(start));
		this.end = Unpooled.unreleasableBuffer(Unpooled.wrappedBuffer(end));
	}

	@Override
	public void write(ChannelHandlerContext ctx, Object msg, ChannelPromise promise) {
		if (!(msg instanceof ByteBuf)) {
			ctx.write(msg, promise);
			return;
		}
		if (this.start.isReadable()) {
			ctx.write(this.start.duplicate(), ctx.voidPromise());
		}
		ctx.write(msg, ctx.voidPromise());
		ctx.write(this.end.duplicate(), promise);
	}

}
