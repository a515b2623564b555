package io.wharf.config.framing;

import java.util.LinkedHashMap;
import java.util.Map;

import org.jspecify.annotations.Nullable;

import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.util.unit.DataSize;

/**
 * How a TCP listener cuts its byte stream into messages, and how it frames replies.
 *
 * @param type Raw, line, length-prefix or delimiter.
 * @param headerSize Bytes of the length header (1, 2 or 4) for length-prefix framing.
 * @param byteOrder Byte order of the length header.
 * @param delimiter Bytes that end a message for delimiter framing; escapes such as \x03,
 * \0, \n are understood.
 * @param startDelimiter Optional bytes that start a message (e.g. STX) for delimiter
 * framing.
 * @param maxFrameSize Largest message accepted; a larger one closes the connection.
 */
public record FramingProperties(@DefaultValue("raw") FramingType type, @DefaultValue("4") int headerSize,
		@DefaultValue("big-endian") FrameByteOrder byteOrder, @Nullable String delimiter,
		@Nullable String startDelimiter, @DefaultValue("64KB") DataSize maxFrameSize) {

	/** Largest max-frame-size accepted: a frame must fit in one array. */
	public static final DataSize LARGEST_FRAME = DataSize.ofMegabytes(512);

	/** The framing of a listener that configures none. */
	public static final FramingProperties DEFAULT = new FramingProperties(FramingType.RAW, 4, FrameByteOrder.BIG_ENDIAN,
			null, null, DataSize.ofKilobytes(64));

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

	/**
	 * What is wrong with these settings, in the words of the configuration.
	 * @return property (relative to {@code framing}) to the rule it breaks; empty when
	 * the framing is usable
	 */
	public Map<String, String> problems() {
		Map<String, String> problems = new LinkedHashMap<>();
		if (this.headerSize != 1 && this.headerSize != 2 && this.headerSize != 4) {
			problems.put("header-size", "must be 1, 2 or 4 (bytes of the length header)");
		}
		long maxFrame = this.maxFrameSize.toBytes();
		if (maxFrame < 1 || maxFrame > LARGEST_FRAME.toBytes()) {
			problems.put("max-frame-size", "must be between 1B and " + LARGEST_FRAME);
		}
		try {
			if (this.type == FramingType.DELIMITER && delimiterBytes().length == 0) {
				problems.put("delimiter", "must be set for delimiter framing, e.g. '\\x03' or '\\0'");
			}
		}
		catch (IllegalArgumentException ex) {
			problems.put("delimiter", ex.getMessage());
		}
		try {
			startDelimiterBytes();
		}
		catch (IllegalArgumentException ex) {
			problems.put("start-delimiter", ex.getMessage());
		}
		return problems;
	}

	/**
	 * A summary for the start-up table and logs.
	 * @return e.g. {@code length-prefix (4 bytes, big-endian)} or {@code line}
	 */
	public String describe() {
		return switch (this.type) {
			case LENGTH_PREFIX -> "length-prefix (" + this.headerSize + " byte" + ((this.headerSize > 1) ? "s" : "")
					+ ", " + this.byteOrder.label() + ")";
			case DELIMITER -> "delimiter (" + ((this.startDelimiter != null) ? this.startDelimiter + " … " : "")
					+ this.delimiter + ")";
			default -> this.type.label();
		};
	}

}
