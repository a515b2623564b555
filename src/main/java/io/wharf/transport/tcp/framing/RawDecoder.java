package io.wharf.transport.tcp.framing;

import java.util.List;

import io.netty.buffer.ByteBuf;
import io.netty.channel.ChannelHandlerContext;
import io.netty.handler.codec.MessageToMessageDecoder;

/**
 * No framing: each read is a message, cut into pieces of at most the chunk size.
 */
final class RawDecoder extends MessageToMessageDecoder<ByteBuf> {

	private final int chunk;

	RawDecoder(int chunk) {
		super(ByteBuf.class);
		this.chunk = chunk;
	}

	@Override
	protected void decode(ChannelHandlerContext ctx, ByteBuf read, List<Object> out) {
		while (read.isReadable()) {
			out.add(read.readRetainedSlice(Math.min(read.readableBytes(), this.chunk)));
		}
	}

	@Override
	public boolean isSharable() {
		return true;
	}

}
