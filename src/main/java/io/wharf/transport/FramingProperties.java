package io.wharf.transport;

import org.jspecify.annotations.Nullable;

import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.util.unit.DataSize;

/**
 * How a TCP listener cuts its byte stream into messages, and how it frames replies.
 *
 * @param type raw, line, length-prefix or delimiter
 * @param headerSize bytes of the length header (1, 2 or 4) for length-prefix framing
 * @param byteOrder byte order of the length header
 * @param delimiter bytes that end a message for delimiter framing; escapes such as
 * {@code \x03}, {@code \0}, {@code \n} are understood
 * @param startDelimiter optional bytes that start a message (e.g. STX) for delimiter
 * framing
 * @param maxFrameSize largest message accepted; a larger one closes the connection
 */
@ValidFraming
public record FramingProperties(@DefaultValue("raw") FramingType type, @DefaultValue("4") int headerSize,
		@DefaultValue("big-endian") FrameByteOrder byteOrder, @Nullable String delimiter,
		@Nullable String startDelimiter, @DefaultValue("64KB") DataSize maxFrameSize) {

	/** Largest max-frame-size accepted: a frame must fit in one array. */
	static final DataSize LARGEST_FRAME = DataSize.ofMegabytes(512);

	/**
	 * The end delimiter as bytes.
	 * @return the bytes, empty when none is configured
	 */
	public byte[] delimiterBytes() {
		return EscapedBytes.parse(this.delimiter);
	}

	/**
	 * The start delimiter as bytes.
	 * @return the bytes, empty when none is configured
	 */
	public byte[] startDelimiterBytes() {
		return EscapedBytes.parse(this.startDelimiter);
	}

	/**
	 * The maximum frame size in bytes.
	 * @return the size, at most {@link #LARGEST_FRAME}
	 */
	public int maxFrameBytes() {
		return (int) this.maxFrameSize.toBytes();
	}

}
