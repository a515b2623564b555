package io.wharf.transport.tcp.framing;

import io.netty.buffer.ByteBuf;
import io.netty.channel.ChannelHandlerContext;
import io.netty.handler.codec.LineBasedFrameDecoder;
import org.jspecify.annotations.Nullable;

/**
 * Lines ended by LF or CRLF, on Netty's line decoder. A frame keeps its line ending, so
 * an echo returns the client's own; the size limit counts the line without it.
 */
final class LineDecoder extends LineBasedFrameDecoder implements FrameAssembly {

	private final int max;

	LineDecoder(int max) {
		// One byte of slack, so a line of max bytes whose CR arrived without its LF yet
		// is not refused early; complete lines are measured exactly below.
		super(max + 1, false, true);
		this.max = max;
	}

	@Override
	protected @Nullable Object decode(ChannelHandlerContext ctx, ByteBuf buffer) throws Exception {
		ByteBuf line = (ByteBuf) super.decode(ctx, buffer);
		if (line == null) {
			return null;
		}
		int end = line.writerIndex() - 1;
		int content = line.readableBytes() - ((end > line.readerIndex() && line.getByte(end - 1) == '\r') ? 2 : 1);
		if (content > this.max) {
			line.release();
			throw FrameException.tooLarge(content, this.max);
		}
		return line;
	}

	@Override
	public int heldBytes() {
		return internalBuffer().readableBytes();
	}

}
