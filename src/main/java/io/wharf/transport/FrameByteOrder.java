package io.wharf.transport;

import java.nio.ByteOrder;

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

}
