package io.wharf.transport.tcp;

import java.nio.ByteOrder;
import java.util.List;

import io.netty.buffer.ByteBuf;
import io.netty.channel.ChannelHandlerContext;
import io.netty.handler.codec.ByteToMessageDecoder;
import io.wharf.observe.ListenerMetrics;
import io.wharf.transport.FramingProperties;

/**
 * Cuts a connection's bytes into frames for the Netty transport, with the same rules and
 * error messages as the stream codecs: lines keep their ending, length headers of 1 and 2
 * bytes are unsigned and of 4 bytes signed, delimiters are stripped. After an error it
 * discards everything.
 */
final class NettyFrameDecoder extends ByteToMessageDecoder {

	private static final int RAW_CHUNK = 64 * 1024;

	private final FramingProperties framing;

	private final int max;

	private final byte[] start;

	private final byte[] end;

	private final ListenerMetrics metrics;

	private boolean failed;

	/** Bytes this channel has read. */
	private long received;

	long received() {
		return this.received;
	}

	NettyFrameDecoder(FramingProperties framing, ListenerMetrics metrics) {
		this.framing = framing;
		this.metrics = metrics;
		this.max = framing.maxFrameBytes();
		this.start = framing.startDelimiterBytes();
		this.end = framing.delimiterBytes();
	}

	@Override
	public void channelRead(ChannelHandlerContext ctx, Object msg) throws Exception {
		if (msg instanceof ByteBuf bytes) {
			this.metrics.bytesReceived(bytes.readableBytes());
			this.received += bytes.readableBytes();
		}
		super.channelRead(ctx, msg);
	}

	@Override
	protected void decode(ChannelHandlerContext ctx, ByteBuf in, List<Object> out) {
		if (this.failed) {
			in.skipBytes(in.readableBytes());
			return;
		}
		try {
			ByteBuf frame;
			while (in.isReadable() && (frame = next(in)) != null) {
				out.add(frame);
			}
		}
		catch (FrameException ex) {
			this.failed = true;
			in.skipBytes(in.readableBytes());
			throw ex;
		}
	}

	private ByteBuf next(ByteBuf in) {
		return switch (this.framing.type()) {
			case RAW -> in.readRetainedSlice(Math.min(in.readableBytes(), Math.min(this.max, RAW_CHUNK)));
			case LINE -> line(in);
			case LENGTH_PREFIX -> lengthPrefixed(in);
			case DELIMITER -> delimited(in);
		};
	}

	private ByteBuf line(ByteBuf in) {
		// Look no further than the stream codec would read before giving up, for the same
		// verdicts.
		int window = (int) Math.min(in.writerIndex(), (long) in.readerIndex() + this.max + 2);
		int newline = in.indexOf(in.readerIndex(), window, (byte) '\n');
		if (newline < 0) {
			if (in.readableBytes() > this.max + 1) {
				throw FrameException.tooLarge(this.max);
			}
			return null;
		}
		int length = newline - in.readerIndex() + 1;
		int content = length - ((length > 1 && in.getByte(newline - 1) == '\r') ? 2 : 1);
		if (content > this.max) {
			throw FrameException.tooLarge(content, this.max);
		}
		return in.readRetainedSlice(length);
	}

	private ByteBuf lengthPrefixed(ByteBuf in) {
		int headerSize = this.framing.headerSize();
		if (in.readableBytes() < headerSize) {
			return null;
		}
		boolean little = this.framing.byteOrder().order() == ByteOrder.LITTLE_ENDIAN;
		int at = in.readerIndex();
		long length = switch (headerSize) {
			case 1 -> in.getUnsignedByte(at);
			case 2 -> little ? in.getUnsignedShortLE(at) : in.getUnsignedShort(at);
			default -> little ? in.getIntLE(at) : in.getInt(at);
		};
		if (length < 0) {
			throw FrameException.malformed("length header " + length + " is negative");
		}
		if (length > this.max) {
			throw FrameException.tooLarge(length, this.max);
		}
		if (in.readableBytes() < headerSize + length) {
			return null;
		}
		in.skipBytes(headerSize);
		return in.readRetainedSlice((int) length);
	}

	private ByteBuf delimited(ByteBuf in) {
		if (this.start.length > 0) {
			int found = indexOf(in, in.readerIndex(), this.start);
			if (found < 0) {
				// Keep a possible partial start delimiter, skip the rest.
				in.skipBytes(Math.max(0, in.readableBytes() - (this.start.length - 1)));
				return null;
			}
			in.readerIndex(found);
		}
		int contentStart = in.readerIndex() + this.start.length;
		int found = indexOf(in, contentStart, this.end);
		if (found < 0) {
			if (in.writerIndex() - contentStart >= this.max + this.end.length) {
				throw FrameException.tooLarge(this.max);
			}
			return null;
		}
		if (found - contentStart > this.max) {
			throw FrameException.tooLarge(this.max);
		}
		in.skipBytes(this.start.length);
		ByteBuf frame = in.readRetainedSlice(found - contentStart);
		in.skipBytes(this.end.length);
		return frame;
	}

	private static int indexOf(ByteBuf in, int from, byte[] needle) {
		int last = in.writerIndex() - needle.length;
		for (int i = in.indexOf(from, in.writerIndex(), needle[0]); i >= 0
				&& i <= last; i = in.indexOf(i + 1, in.writerIndex(), needle[0])) {
			boolean match = true;
			for (int j = 1; j < needle.length && match; j++) {
				match = in.getByte(i + j) == needle[j];
			}
			if (match) {
				return i;
			}
		}
		return -1;
	}

}
