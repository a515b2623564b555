package io.wharf.config.framing;

import java.util.Locale;

/**
 * How a TCP byte stream is cut into messages.
 */
public enum FramingType {

	/** Each read is a message; bytes go back exactly as they came. */
	RAW,

	/** Lines ended by LF or CRLF. */
	LINE,

	/** A 1, 2 or 4 byte length header before each message. */
	LENGTH_PREFIX,

	/** Messages ended (and optionally started) by configured delimiter bytes. */
	DELIMITER;

	/**
	 * The name as configuration spells it.
	 * @return e.g. {@code length-prefix}
	 */
	public String label() {
		return name().toLowerCase(Locale.ROOT).replace('_', '-');
	}

}
