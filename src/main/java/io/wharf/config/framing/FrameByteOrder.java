package io.wharf.config.framing;

import java.nio.ByteOrder;
import java.util.Locale;

/**
 * Byte order of a length header: Python's {@code struct.pack('!i', n)} is big-endian,
 * {@code struct.pack('i', n)} on x86 is little-endian.
 */
public enum FrameByteOrder {

	/** Network byte order, most significant byte first. */
	BIG_ENDIAN(ByteOrder.BIG_ENDIAN),

	/** Least significant byte first. */
	LITTLE_ENDIAN(ByteOrder.LITTLE_ENDIAN);

	private final ByteOrder order;

	FrameByteOrder(ByteOrder order) {
		this.order = order;
	}

	/**
	 * The NIO equivalent.
	 * @return the byte order
	 */
	public ByteOrder order() {
		return this.order;
	}

	/**
	 * The name as configuration spells it.
	 * @return {@code big-endian} or {@code little-endian}
	 */
	public String label() {
		return name().toLowerCase(Locale.ROOT).replace('_', '-');
	}

}
