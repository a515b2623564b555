package io.wharf.transport.tcp.framing;

import java.util.List;

import io.netty.buffer.ByteBuf;
import io.netty.channel.ChannelHandlerContext;
import io.netty.handler.codec.ByteToMessageDecoder;

/**
 * No framing: each read is a message, cut into pieces of at most the chunk size. Nothing
 * is held between reads, and nothing copied: a piece is a slice of the read.
 */
final class RawDecoder extends ByteToMessageDecoder {

	private final int chunk;

	RawDecoder(int chunk) {
		this.chunk = chunk;
	}

	@Override
	protected void decode(ChannelHandlerContext ctx, ByteBuf read, List<Object> out) {
		out.add(read.readRetainedSlice(Math.min(read.readableBytes(), this.chunk)));
	}

}
