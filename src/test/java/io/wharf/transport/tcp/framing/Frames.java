package io.wharf.transport.tcp.framing;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

import io.netty.buffer.ByteBuf;
import io.netty.buffer.ByteBufUtil;
import io.netty.buffer.Unpooled;
import io.netty.channel.embedded.EmbeddedChannel;
import io.netty.handler.codec.ByteToMessageDecoder;
import io.wharf.config.framing.FrameByteOrder;
import io.wharf.config.framing.FramingProperties;
import io.wharf.config.framing.FramingType;

import org.springframework.util.unit.DataSize;

/**
 * A framing's decoder and its reply framing, the decoder in an {@link EmbeddedChannel}:
 * bytes in, frames out, no sockets.
 */
final class Frames {

	private final Framing framing;

	private final EmbeddedChannel channel;

	private Throwable failure;

	private Frames(FramingProperties properties) {
		this.framing = new Framing(properties);
		this.channel = new EmbeddedChannel(this.framing.decoder(ByteToMessageDecoder.MERGE_CUMULATOR));
	}

	static Frames of(FramingType type, int headerSize, FrameByteOrder order, String start, String end, int max) {
		return new Frames(new FramingProperties(type, headerSize, order, end, start, DataSize.ofBytes(max)));
	}

	static Frames line(int max) {
		return of(FramingType.LINE, 4, FrameByteOrder.BIG_ENDIAN, null, null, max);
	}

	static Frames lengthPrefix(int headerSize, FrameByteOrder order, int max) {
		return of(FramingType.LENGTH_PREFIX, headerSize, order, null, null, max);
	}

	static Frames delimiter(String start, String end, int max) {
		return of(FramingType.DELIMITER, 4, FrameByteOrder.BIG_ENDIAN, start, end, max);
	}

	static Frames raw(int max) {
		return of(FramingType.RAW, 4, FrameByteOrder.BIG_ENDIAN, null, null, max);
	}

	/** Writes bytes in one read. */
	Frames read(byte[] bytes) {
		try {
			this.channel.writeInbound(Unpooled.wrappedBuffer(bytes));
		}
		catch (RuntimeException ex) {
			// EmbeddedChannel rethrows what the pipeline raised.
			this.failure = (this.failure != null) ? this.failure : ex;
		}
		return this;
	}

	Frames read(String text) {
		return read(bytes(text));
	}

	/** Writes bytes one read per byte. */
	Frames trickle(byte[] bytes) {
		for (byte b : bytes) {
			read(new byte[] { b });
		}
		return this;
	}

	/** The frames decoded so far, as text. */
	List<String> texts() {
		return frames().stream().map((frame) -> new String(frame, StandardCharsets.ISO_8859_1)).toList();
	}

	/** The frames decoded so far. */
	List<byte[]> frames() {
		List<byte[]> frames = new ArrayList<>();
		for (ByteBuf frame = this.channel.readInbound(); frame != null; frame = this.channel.readInbound()) {
			frames.add(ByteBufUtil.getBytes(frame));
			frame.release();
		}
		return frames;
	}

	/** The frame error the decoder raised, as the listener would report it. */
	FrameException error() {
		if (this.failure == null) {
			throw new AssertionError("no error raised");
		}
		FrameException frame = this.framing.frameError(this.failure);
		if (frame == null) {
			throw new AssertionError("not a frame error: " + this.failure, this.failure);
		}
		return frame;
	}

	/** The client closed: what the decoder still holds is dropped, not delivered. */
	List<byte[]> close() {
		this.channel.finish();
		return frames();
	}

	byte[] encode(String reply) {
		return this.framing.encode(bytes(reply));
	}

	static byte[] bytes(String text) {
		return text.getBytes(StandardCharsets.ISO_8859_1);
	}

}
