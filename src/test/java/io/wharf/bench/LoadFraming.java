package io.wharf.bench;

import java.nio.ByteBuffer;
import java.util.Arrays;

/**
 * How the load generator frames its messages; every message carries its connection and
 * sequence number, so every reply is checked byte for byte and in order.
 */
enum LoadFraming {

	/** Fixed-size messages on a raw stream; a reply is complete after as many bytes. */
	RAW,

	/** CRLF-terminated lines. */
	LINE,

	/** A 4-byte big-endian length header. */
	LENGTH_PREFIX;

	/**
	 * The frame for one message.
	 * @param connection the connection number
	 * @param sequence the message number on that connection
	 * @param size the frame size on the wire
	 * @return the frame
	 */
	byte[] frame(int connection, long sequence, int size) {
		byte[] frame = new byte[size];
		int bodyStart = (this == LENGTH_PREFIX) ? 4 : 0;
		int bodyEnd = (this == LINE) ? size - 2 : size;
		Arrays.fill(frame, bodyStart, bodyEnd, (byte) 'x');
		int at = digits(frame, bodyStart, bodyEnd, connection, 6);
		digits(frame, at, bodyEnd, sequence, 12);
		if (this == LENGTH_PREFIX) {
			ByteBuffer.wrap(frame).putInt(size - 4);
		}
		if (this == LINE) {
			frame[size - 2] = '\r';
			frame[size - 1] = '\n';
		}
		return frame;
	}

	/**
	 * Writes a zero-padded number and a colon, as far as the body reaches; returns the
	 * next index.
	 */
	private static int digits(byte[] frame, int from, int limit, long value, int width) {
		long rest = value;
		for (int i = width - 1; i >= 0; i--) {
			if (from + i < limit) {
				frame[from + i] = (byte) ('0' + rest % 10);
			}
			rest /= 10;
		}
		if (from + width < limit) {
			frame[from + width] = ':';
		}
		return from + width + 1;
	}

	/**
	 * The length of the complete frame at the buffer's position.
	 * @param buffer a buffer in read mode
	 * @param size the expected frame size
	 * @return the frame length, or -1 when incomplete
	 */
	int complete(ByteBuffer buffer, int size) {
		int available = buffer.remaining();
		return switch (this) {
			case RAW -> (available >= size) ? size : -1;
			case LENGTH_PREFIX -> (available >= 4 && available >= 4 + buffer.getInt(buffer.position()))
					? 4 + buffer.getInt(buffer.position()) : -1;
			case LINE -> {
				for (int i = buffer.position(); i < buffer.limit(); i++) {
					if (buffer.get(i) == '\n') {
						yield i - buffer.position() + 1;
					}
				}
				yield -1;
			}
		};
	}

}
