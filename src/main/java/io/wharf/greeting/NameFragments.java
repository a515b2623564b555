package io.wharf.greeting;

import java.util.Arrays;

/**
 * Names a read boundary cut in two. On raw framing each read is a message, so a client
 * that pipelines {@code Alice\nBob\n} may be read as {@code Alice\nBo} and {@code b\n}.
 * Once a session has sent a line break, the bytes after the last one in a read are held
 * until their line break arrives (or a quiet time passes, see {@link GreetingService}); a
 * client that never sends line breaks, like the tutorial's, is answered at once. Touched
 * by the session's I/O thread and by the quiet-time timer, hence synchronized.
 */
final class NameFragments {

	private static final byte[] NONE = new byte[0];

	private final int maxHeld;

	private byte[] held = NONE;

	private boolean lineBased;

	private long generation;

	/**
	 * Creates the fragments of one session.
	 * @param maxHeld bytes held at most; a longer fragment is answered as it is (it is
	 * over the name limit anyway)
	 */
	NameFragments(int maxHeld) {
		this.maxHeld = maxHeld;
	}

	/**
	 * Joins a read to what was held, and cuts off a trailing fragment to hold.
	 * @param read the bytes of one read
	 * @return what to answer now: everything up to the last line break, or everything
	 */
	synchronized byte[] complete(byte[] read) {
		byte[] all = (this.held.length == 0) ? read : join(this.held, read);
		int lastBreak = lastIndexOf(all, (byte) '\n');
		this.lineBased |= lastBreak >= 0;
		int keep = all.length - lastBreak - 1;
		this.generation++;
		if (!this.lineBased || keep == 0 || keep > this.maxHeld) {
			this.held = NONE;
			return all;
		}
		this.held = Arrays.copyOfRange(all, lastBreak + 1, all.length);
		return Arrays.copyOf(all, lastBreak + 1);
	}

	/**
	 * A mark of the held fragment, to tell later whether it changed.
	 * @return the generation of what is held, or -1 when nothing is
	 */
	synchronized long holding() {
		return (this.held.length > 0) ? this.generation : -1;
	}

	/**
	 * Takes the held fragment if nothing arrived since it was marked.
	 * @param mark what {@link #holding()} returned
	 * @return the fragment, or null if more arrived or nothing is held
	 */
	synchronized byte[] takeIfUnchanged(long mark) {
		if (mark != this.generation || this.held.length == 0) {
			return null;
		}
		byte[] fragment = this.held;
		this.held = NONE;
		this.generation++;
		return fragment;
	}

	private static byte[] join(byte[] first, byte[] second) {
		byte[] all = Arrays.copyOf(first, first.length + second.length);
		System.arraycopy(second, 0, all, first.length, second.length);
		return all;
	}

	private static int lastIndexOf(byte[] bytes, byte value) {
		for (int i = bytes.length - 1; i >= 0; i--) {
			if (bytes[i] == value) {
				return i;
			}
		}
		return -1;
	}

}
