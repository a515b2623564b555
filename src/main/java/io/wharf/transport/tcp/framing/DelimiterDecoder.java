package io.wharf.transport.tcp.framing;

import io.netty.buffer.ByteBuf;
import io.netty.buffer.ByteBufUtil;
import io.netty.buffer.Unpooled;
import io.netty.channel.ChannelHandlerContext;
import io.netty.handler.codec.DelimiterBasedFrameDecoder;
import org.jspecify.annotations.Nullable;

/**
 * Messages ended by delimiter bytes (e.g. NUL or ETX), on Netty's delimiter decoder, and
 * optionally started by others (e.g. STX): then what precedes the start delimiter is
 * skipped, as STX/ETX devices expect, and a piece with no start delimiter is dropped.
 * Skipped bytes count towards the size limit, so garbage cannot pile up either.
 */
final class DelimiterDecoder extends DelimiterBasedFrameDecoder implements FrameAssembly {

	private final ByteBuf start;

	private final int max;

	DelimiterDecoder(byte[] start, byte[] end, int max) {
		// Room for the delimiters; complete frames are measured exactly below.
		super(max + start.length + end.length, true, true, Unpooled.wrappedBuffer(end));
		this.start = Unpooled.wrappedBuffer(start);
		this.max = max;
	}

	@Override
	protected @Nullable Object decode(ChannelHandlerContext ctx, ByteBuf buffer) throws Exception {
		ByteBuf frame = (ByteBuf) super.decode(ctx, buffer);
		if (frame == null || !this.start.isReadable()) {
			return checked(frame);
		}
		int found = ByteBufUtil.indexOf(this.start, frame);
		if (found < 0) {
			frame.release();
			return null;
		}
		frame.skipBytes(found - frame.readerIndex() + this.start.readableBytes());
		return checked(frame);
	}

	private @Nullable ByteBuf checked(@Nullable ByteBuf frame) {
		if (frame != null && frame.readableBytes() > this.max) {
			int size = frame.readableBytes();
			frame.release();
			throw FrameException.tooLarge(size, this.max);
		}
		return frame;
	}

	@Override
	public int heldBytes() {
		return internalBuffer().readableBytes();
	}

}
