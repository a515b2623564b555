package io.wharf.transport.tcp.framing;

import java.nio.ByteOrder;

import io.netty.buffer.ByteBuf;
import io.netty.buffer.ByteBufAllocator;
import io.netty.buffer.ByteBufUtil;
import io.netty.buffer.UnpooledByteBufAllocator;
import io.netty.handler.codec.ByteToMessageDecoder;
import io.netty.handler.codec.CorruptedFrameException;
import io.netty.handler.codec.TooLongFrameException;
import io.wharf.config.framing.FramingProperties;
import io.wharf.config.framing.FramingType;
import org.jspecify.annotations.Nullable;

/**
 * One listener's framing: a Netty decoder for each connection, each reply framed into the
 * one buffer the session writes, and what a decoding failure means.
 */
public final class Framing {

	/** Largest raw read delivered as one message. */
	private static final int RAW_CHUNK = 64 * 1024;

	private final FramingProperties properties;

	private final FramingType type;

	private final int max;

	/** The largest reply a length header holds. */
	private final long maxLength;

	private final boolean littleEndian;

	/** The delimiters, read from their escaped form once rather than per connection. */
	private final byte[] start;

	private final byte[] end;

	public Framing(FramingProperties properties) {
		this.properties = properties;
		this.type = properties.type();
		this.max = properties.maxFrameBytes();
		this.start = properties.startDelimiterBytes();
		this.end = properties.delimiterBytes();
		this.maxLength = switch (properties.headerSize()) {
			case 1 -> 0xFF;
			case 2 -> 0xFFFF;
			default -> Integer.MAX_VALUE;
		};
		this.littleEndian = properties.byteOrder().order() == ByteOrder.LITTLE_ENDIAN;
	}

	/**
	 * A new decoder, for one connection: it keeps the connection's partial frame.
	 * @param reads sees every read before it is decoded (it counts the bytes on the wire)
	 * and gathers the reads into the decoder's buffer
	 * @return a handler that turns bytes read into frames
	 */
	public ByteToMessageDecoder decoder(ByteToMessageDecoder.Cumulator reads) {
		ByteToMessageDecoder decoder = switch (this.type) {
			case RAW -> new RawDecoder(Math.min(this.max, RAW_CHUNK));
			case LINE -> new LineDecoder(this.max);
			case LENGTH_PREFIX ->
				new LengthPrefixDecoder(this.properties.headerSize(), this.properties.byteOrder().order(), this.max);
			case DELIMITER -> new DelimiterDecoder(this.start, this.end, this.max);
		};
		decoder.setCumulator(reads);
		return decoder;
	}

	/**
	 * Frames a reply into one pooled direct buffer, as the socket writes it: a line
	 * ending added unless it has one (an echo keeps the client's own), the length header,
	 * or the delimiters; a raw reply as it is. One buffer and one write per reply, with
	 * no encoder in the pipeline.
	 * @param allocator the connection's allocator
	 * @param reply the reply's bytes
	 * @return the framed reply
	 * @throws IllegalArgumentException when the reply is longer than a length header
	 * holds
	 */
	public ByteBuf frame(ByteBufAllocator allocator, byte[] reply) {
		if (this.type == FramingType.LENGTH_PREFIX && reply.length > this.maxLength) {
			throw new IllegalArgumentException("A reply of " + reply.length + " bytes does not fit the listener's "
					+ this.properties.headerSize() + "-byte length header (at most " + this.maxLength + " bytes)");
		}
		return write(allocator.directBuffer(framedSize(reply)), reply);
	}

	private ByteBuf write(ByteBuf framed, byte[] reply) {
		switch (this.type) {
			case RAW -> framed.writeBytes(reply);
			case LINE -> {
				framed.writeBytes(reply);
				if (!endsWithLf(reply)) {
					framed.writeByte('\n');
				}
			}
			case LENGTH_PREFIX -> {
				writeLength(framed, reply.length);
				framed.writeBytes(reply);
			}
			case DELIMITER -> framed.writeBytes(this.start).writeBytes(reply).writeBytes(this.end);
		}
		return framed;
	}

	private void writeLength(ByteBuf framed, int length) {
		switch (this.properties.headerSize()) {
			case 1 -> framed.writeByte(length);
			case 2 -> {
				if (this.littleEndian) {
					framed.writeShortLE(length);
				}
				else {
					framed.writeShort(length);
				}
			}
			default -> {
				if (this.littleEndian) {
					framed.writeIntLE(length);
				}
				else {
					framed.writeInt(length);
				}
			}
		}
	}

	private static boolean endsWithLf(byte[] reply) {
		return reply.length > 0 && reply[reply.length - 1] == '\n';
	}

	/**
	 * How many bytes a reply takes on the wire once framed, counted without framing it.
	 * @param reply the reply's bytes
	 * @return its size with the length header, delimiters or line ending added
	 */
	public int framedSize(byte[] reply) {
		return reply.length + switch (this.type) {
			case RAW -> 0;
			case LINE -> endsWithLf(reply) ? 0 : 1;
			case LENGTH_PREFIX -> this.properties.headerSize();
			case DELIMITER -> this.start.length + this.end.length;
		};
	}

	/**
	 * Whether a one-line error message is readable for a client of this framing.
	 * @return true for line framing
	 */
	public boolean carriesText() {
		return this.type == FramingType.LINE;
	}

	/**
	 * What a failure in the decoder means, in the words of this listener's settings.
	 * @param failure what the decoder raised
	 * @return the frame error, or null if the failure is not about framing
	 */
	public @Nullable FrameException frameError(Throwable failure) {
		if (failure instanceof FrameException frame) {
			return frame;
		}
		if (failure instanceof TooLongFrameException) {
			return FrameException.tooLarge(this.max);
		}
		if (failure instanceof CorruptedFrameException corrupted) {
			return FrameException.malformed(String.valueOf(corrupted.getMessage()), null);
		}
		return null;
	}

	/**
	 * Frames one message as a client of this framing sends it, the way replies are framed
	 * (the image's training run uses it).
	 * @param message the message
	 * @return the framed bytes
	 */
	public byte[] encode(byte[] message) {
		ByteBuf framed = frame(UnpooledByteBufAllocator.DEFAULT, message);
		try {
			return ByteBufUtil.getBytes(framed);
		}
		finally {
			framed.release();
		}
	}

}
