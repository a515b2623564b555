package io.wharf.transport.tcp;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;

import org.springframework.integration.ip.tcp.serializer.SoftEndOfStreamException;

/**
 * A length header of 1, 2 or 4 bytes in either byte order, then that many bytes. 1 and 2
 * byte headers are unsigned; a 4 byte header is signed, as Python's
 * {@code struct.pack('i', n)} writes it, so a negative length is malformed.
 */
final class LengthHeaderCodec implements FrameCodec {

	private final int headerSize;

	private final ByteOrder order;

	private final int maxFrameSize;

	LengthHeaderCodec(int headerSize, ByteOrder order, int maxFrameSize) {
		this.headerSize = headerSize;
		this.order = order;
		this.maxFrameSize = maxFrameSize;
	}

	@Override
	public byte[] decode(InputStream input) throws IOException {
		byte[] header = input.readNBytes(this.headerSize);
		if (header.length < this.headerSize) {
			throw new SoftEndOfStreamException((header.length == 0) ? "Stream closed between frames"
					: "Stream closed in the middle of a length header");
		}
		long length = length(ByteBuffer.wrap(header).order(this.order));
		if (length < 0) {
			throw FrameException.malformed("length header " + length + " is negative");
		}
		if (length > this.maxFrameSize) {
			throw FrameException.tooLarge(length, this.maxFrameSize);
		}
		byte[] body = input.readNBytes((int) length);
		if (body.length < length) {
			throw new SoftEndOfStreamException(
					"Stream closed after " + body.length + " of a frame's " + length + " bytes");
		}
		return body;
	}

	private long length(ByteBuffer header) {
		return switch (this.headerSize) {
			case 1 -> Byte.toUnsignedInt(header.get());
			case 2 -> Short.toUnsignedInt(header.getShort());
			default -> header.getInt();
		};
	}

	@Override
	public void encode(byte[] message, OutputStream output) throws IOException {
		long capacity = (this.headerSize == 4) ? Integer.MAX_VALUE : (1L << (8 * this.headerSize)) - 1;
		if (message.length > capacity) {
			throw new IOException(
					"reply of " + message.length + " bytes does not fit a " + this.headerSize + " byte length header");
		}
		ByteBuffer header = ByteBuffer.allocate(this.headerSize).order(this.order);
		switch (this.headerSize) {
			case 1 -> header.put((byte) message.length);
			case 2 -> header.putShort((short) message.length);
			default -> header.putInt(message.length);
		}
		output.write(header.array());
		output.write(message);
	}

}
