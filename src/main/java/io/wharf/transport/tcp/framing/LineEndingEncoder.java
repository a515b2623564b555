package io.wharf.transport.tcp.framing;

import java.util.List;

import io.netty.buffer.ByteBuf;
import io.netty.buffer.Unpooled;
import io.netty.channel.ChannelHandler.Sharable;
import io.netty.channel.ChannelHandlerContext;
import io.netty.handler.codec.MessageToMessageEncoder;

/**
 * Frames a reply as a line: as it is when it ends with LF (an echo keeps the client's own
 * ending), with an LF added otherwise. Copies nothing.
 */
@Sharable
final class LineEndingEncoder extends MessageToMessageEncoder<ByteBuf> {

	private static final ByteBuf LF = Unpooled.unreleasableBuffer(Unpooled.wrappedBuffer(new byte[] { '\n' }));

	LineEndingEncoder() {
		super(ByteBuf.class);
	}

	@Override
	protected void encode(ChannelHandlerContext ctx, ByteBuf reply, List<Object> out) {
		out.add(reply.retain());
		if (!reply.isReadable() || reply.getByte(reply.writerIndex() - 1) != '\n') {
			out.add(LF.duplicate());
		}
	}

}
