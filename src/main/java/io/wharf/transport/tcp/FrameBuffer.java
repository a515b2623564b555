package io.wharf.transport.tcp;

import java.util.Arrays;

/**
 * A growable byte array for a frame being read; starts small, since most frames are.
 */
final class FrameBuffer {

	private byte[] bytes = new byte[128];

	private int length;

	void add(int b) {
		if (this.length == this.bytes.length) {
			this.bytes = Arrays.copyOf(this.bytes, this.bytes.length * 2);
		}
		this.bytes[this.length++] = (byte) b;
	}

	int length() {
		return this.length;
	}

	boolean endsWith(byte[] suffix) {
		if (suffix.length == 0 || this.length < suffix.length) {
			return false;
		}
		return Arrays.equals(this.bytes, this.length - suffix.length, this.length, suffix, 0, suffix.length);
	}

	void truncate(int newLength) {
		this.length = newLength;
	}

	byte[] toArray() {
		return Arrays.copyOf(this.bytes, this.length);
	}

}
