package io.wharf.transport.tcp.framing;

import java.util.List;

import io.netty.buffer.ByteBuf;
import io.netty.buffer.Unpooled;
import io.netty.channel.ChannelHandler.Sharable;
import io.netty.channel.ChannelHandlerContext;
import io.netty.handler.codec.MessageToMessageEncoder;

/**
 * Frames a reply between the listener's start (if any) and end delimiters. Copies
 * nothing.
 */
@Sharable
final class DelimiterEncoder extends MessageToMessageEncoder<ByteBuf> {

	private final ByteBuf start;

	private final ByteBuf end;

	DelimiterEncoder(byte[] start, byte[] end) {
		super(ByteBuf.class);
		this.start = Unpooled.unreleasableBuffer(Unpooled.wrappedBuffer(start));
		this.end = Unpooled.unreleasableBuffer(Unpooled.wrappedBuffer(end));
	}

	@Override
	protected void encode(ChannelHandlerContext ctx, ByteBuf reply, List<Object> out) {
		if (this.start.isReadable()) {
			out.add(this.start.duplicate());
		}
		out.add(reply.retain());
		out.add(this.end.duplicate());
	}

}
