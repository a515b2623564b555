package io.wharf.transport.tcp.framing;

import java.nio.ByteOrder;

import io.netty.buffer.ByteBuf;
import io.netty.handler.codec.LengthFieldBasedFrameDecoder;
import org.jspecify.annotations.Nullable;

/**
 * A length header of 1, 2 or 4 bytes in either byte order, then that many bytes, on
 * Netty's length field decoder. 1 and 2 byte headers are unsigned; a 4 byte header is
 * signed, as Python's {@code struct.pack('i', n)} writes it, so a negative length is
 * malformed. A refused header that would be a sensible length in the other byte order
 * says so.
 */
final class LengthPrefixDecoder extends LengthFieldBasedFrameDecoder implements FrameAssembly {

	private final int max;

	LengthPrefixDecoder(int headerSize, ByteOrder order, int max) {
		super(order, max + headerSize, 0, headerSize, 0, headerSize, true);
		this.max = max;
	}

	@Override
	protected long getUnadjustedFrameLength(ByteBuf buf, int offset, int length, ByteOrder order) {
		long size = read(buf, offset, length, order);
		if (size < 0 || size > this.max) {
			String hint = otherOrderHint(buf, offset, length, order);
			if (size < 0) {
				throw FrameException.malformed("length header " + size + " is negative", hint);
			}
			throw FrameException.tooLarge(size, this.max, hint);
		}
		return size;
	}

	private static long read(ByteBuf buf, int offset, int length, ByteOrder order) {
		boolean little = order == ByteOrder.LITTLE_ENDIAN;
		return switch (length) {
			case 1 -> buf.getUnsignedByte(offset);
			case 2 -> little ? buf.getUnsignedShortLE(offset) : buf.getUnsignedShort(offset);
			default -> little ? buf.getIntLE(offset) : buf.getInt(offset);
		};
	}

	private @Nullable String otherOrderHint(ByteBuf buf, int offset, int length, ByteOrder order) {
		if (length == 1) {
			return null;
		}
		ByteOrder other = (order == ByteOrder.BIG_ENDIAN) ? ByteOrder.LITTLE_ENDIAN : ByteOrder.BIG_ENDIAN;
		long size = read(buf, offset, length, other);
		if (size < 0 || size > this.max) {
			return null;
		}
		String name = (other == ByteOrder.LITTLE_ENDIAN) ? "little-endian" : "big-endian";
		return "the header looks like " + name + " (it reads " + size + " that way); check framing.byte-order";
	}

	@Override
	public int heldBytes() {
		return internalBuffer().readableBytes();
	}

}
