package io.wharf.api;

import java.util.List;

/**
 * What a service answers: zero or more messages, each framed on its own by the transport,
 * and whether the connection closes after they are written. A Spring Integration flow
 * that serves a listener returns one for several frames or a close; a {@code byte[]}, a
 * {@code String} or a list of them does for frames alone.
 *
 * @param frames the messages, in order
 * @param close whether the transport closes the connection after writing them
 */
public record Reply(List<byte[]> frames, boolean close) {

	/**
	 * Messages that keep the connection open.
	 * @param frames the messages
	 * @return the reply
	 */
	public static Reply of(byte[]... frames) {
		return new Reply(List.of(frames), false);
	}

	/**
	 * Messages after which the connection closes.
	 * @param frames the messages
	 * @return the reply
	 */
	public static Reply closing(byte[]... frames) {
		return new Reply(List.of(frames), true);
	}

	/**
	 * All frames joined, for a transport that answers in one datagram.
	 * @return the concatenated bytes; the frame itself when there is one
	 */
	public byte[] joined() {
		if (this.frames.size() == 1) {
			return this.frames.get(0);
		}
		int length = 0;
		for (byte[] frame : this.frames) {
			length += frame.length;
		}
		byte[] joined = new byte[length];
		int offset = 0;
		for (byte[] frame : this.frames) {
			System.arraycopy(frame, 0, joined, offset, frame.length);
			offset += frame.length;
		}
		return joined;
	}

}
