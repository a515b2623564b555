package io.wharf.transport.tcp.framing;

import io.netty.buffer.ByteBuf;
import io.netty.buffer.Unpooled;
import io.netty.channel.ChannelHandler.Sharable;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelOutboundHandlerAdapter;
import io.netty.channel.ChannelPromise;

/**
 * Frames a reply as a line: as it is when it ends with LF (an echo keeps the client's own
 * ending), with an LF added otherwise. Copies nothing, and passes an echo on without a
 * step of its own.
 */
@Sharable
final class LineEndingEncoder extends ChannelOutboundHandlerAdapter {

	private static final ByteBuf LF = Unpooled.unreleasableBuffer(Unpooled.wrappedBuffer(new byte[] { '\n' }));

	@Override
	public void write(ChannelHandlerContext ctx, Object msg, ChannelPromise promise) {
		if (msg instanceof ByteBuf reply && !endsWithLf(reply)) {
			ctx.write(reply, ctx.voidPromise());
			ctx.write(LF.duplicate(), promise);
			return;
		}
		ctx.write(msg, promise);
	}

	static boolean endsWithLf(ByteBuf reply) {
		return reply.isReadable() && reply.getByte(reply.writerIndex() - 1) == '\n';
	}

}
