package io.wharf.transport.tcp.framing;

import io.netty.buffer.ByteBuf;
import io.netty.buffer.ByteBufUtil;
import io.netty.buffer.Unpooled;
import io.netty.channel.ChannelHandler;
import io.netty.channel.embedded.EmbeddedChannel;
import io.netty.handler.codec.CorruptedFrameException;
import io.netty.handler.codec.LengthFieldPrepender;
import io.netty.handler.codec.TooLongFrameException;
import io.wharf.config.framing.FramingProperties;
import io.wharf.config.framing.FramingType;
import org.jspecify.annotations.Nullable;

/**
 * One listener's framing as Netty handlers: a decoder for each connection, an encoder
 * shared by all, and what a decoding failure means.
 */
public final class Framing {

	/** Largest raw read delivered as one message. */
	private static final int RAW_CHUNK = 64 * 1024;

	private final FramingProperties properties;

	private final int max;

	private final @Nullable ChannelHandler encoder;

	/** The delimiters, read from their escaped form once rather than per connection. */
	private final byte[] start;

	private final byte[] end;

	public Framing(FramingProperties properties) {
		this.properties = properties;
		this.max = properties.maxFrameBytes();
		this.start = properties.startDelimiterBytes();
		this.end = properties.delimiterBytes();
		this.encoder = switch (properties.type()) {
			case RAW -> null;
			case LINE -> new LineEndingEncoder();
			case LENGTH_PREFIX ->
				new LengthFieldPrepender(properties.byteOrder().order(), properties.headerSize(), 0, false);
			case DELIMITER -> new DelimiterEncoder(this.start, this.end);
		};
	}

	/**
	 * A new decoder, for one connection: it keeps the connection's partial frame.
	 * @return a handler that turns bytes read into frames
	 */
	public ChannelHandler decoder() {
		return switch (this.properties.type()) {
			case RAW -> new RawDecoder(Math.min(this.max, RAW_CHUNK));
			case LINE -> new LineDecoder(this.max);
			case LENGTH_PREFIX ->
				new LengthPrefixDecoder(this.properties.headerSize(), this.properties.byteOrder().order(), this.max);
			case DELIMITER -> new DelimiterDecoder(this.start, this.end, this.max);
		};
	}

	/**
	 * The encoder that frames replies, shared by every connection.
	 * @return the handler, or null for raw framing, where replies go out as they are
	 */
	public @Nullable ChannelHandler encoder() {
		return this.encoder;
	}

	/**
	 * How many bytes a reply takes on the wire once framed, counted without framing it.
	 * @param reply the reply's bytes
	 * @return its size with the length header, delimiters or line ending added
	 */
	public int framedSize(byte[] reply) {
		return reply.length + switch (this.properties.type()) {
			case RAW -> 0;
			case LINE -> (reply.length > 0 && reply[reply.length - 1] == '\n') ? 0 : 1;
			case LENGTH_PREFIX -> this.properties.headerSize();
			case DELIMITER -> this.start.length + this.end.length;
		};
	}

	/**
	 * Whether a one-line error message is readable for a client of this framing.
	 * @return true for line framing
	 */
	public boolean carriesText() {
		return this.properties.type() == FramingType.LINE;
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
	 * Frames one message as a client of this framing sends it, through the same encoder
	 * that frames replies (the image's training run uses it).
	 * @param message the message
	 * @return the framed bytes
	 */
	public byte[] encode(byte[] message) {
		if (this.encoder == null) {
			return message;
		}
		EmbeddedChannel channel = new EmbeddedChannel(this.encoder);
		channel.writeOutbound(Unpooled.wrappedBuffer(message));
		ByteBuf framed = Unpooled.buffer();
		for (ByteBuf part = channel.readOutbound(); part != null; part = channel.readOutbound()) {
			framed.writeBytes(part);
			part.release();
		}
		channel.finishAndReleaseAll();
		return ByteBufUtil.getBytes(framed);
	}

}
