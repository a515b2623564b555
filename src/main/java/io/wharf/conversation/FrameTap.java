package io.wharf.conversation;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.List;
import java.util.concurrent.CompletableFuture;

/**
 * A look at one session's next frames, both ways, for an operator: each frame with its
 * time, direction and length, as text and as hex, until the frame count or the byte cap
 * is reached or the session closes (the endpoint ends it at its time limit). Fed on the
 * session's I/O thread; what it saw is handed over once, through {@link #result()}. A
 * session that is not tapped pays one field read per frame.
 */
public final class FrameTap {

	private static final HexFormat HEX = HexFormat.of();

	private final int maxFrames;

	private final long maxBytes;

	private final List<Frame> frames = new ArrayList<>();

	private final CompletableFuture<Result> result = new CompletableFuture<>();

	private long bytes;

	/**
	 * A tap.
	 * @param maxFrames frames to show at most
	 * @param maxBytes payload bytes to show at most, over all frames; a frame beyond it
	 * is cut
	 */
	public FrameTap(int maxFrames, long maxBytes) {
		this.maxFrames = maxFrames;
		this.maxBytes = maxBytes;
	}

	/**
	 * A frame the client sent, or one the session wrote.
	 * @param in whether it came from the client
	 * @param frame its bytes
	 * @return whether the tap goes on
	 */
	boolean saw(boolean in, byte[] frame) {
		if (this.result.isDone()) {
			return false;
		}
		String direction = in ? "in" : "out";
		int shown = (int) Math.min(frame.length, this.maxBytes - this.bytes);
		this.bytes += shown;
		this.frames.add(new Frame(Instant.now(), direction, frame.length, Arrays.copyOf(frame, shown)));
		if (this.frames.size() >= this.maxFrames) {
			end("frames");
		}
		else if (this.bytes >= this.maxBytes) {
			end("bytes");
		}
		return !this.result.isDone();
	}

	/**
	 * Ends the tap, if it has not ended; on the session's I/O thread.
	 * @param why frames, bytes, time, closed or replaced
	 */
	public void end(String why) {
		this.result.complete(new Result(List.copyOf(this.frames), why));
	}

	/**
	 * What the tap saw, once it ended.
	 * @return completed when it ends
	 */
	public CompletableFuture<Result> result() {
		return this.result;
	}

	/** Printable ASCII as it is, anything else escaped: CR, LF, tab, and \xNN. */
	private static String escaped(byte[] frame) {
		int length = frame.length;
		StringBuilder text = new StringBuilder(length);
		for (int i = 0; i < length; i++) {
			int b = frame[i] & 0xFF;
			switch (b) {
				case '\r' -> text.append("\\r");
				case '\n' -> text.append("\\n");
				case '\t' -> text.append("\\t");
				case '\\' -> text.append("\\\\");
				default -> {
					if (b >= 0x20 && b < 0x7F) {
						text.append((char) b);
					}
					else {
						text.append("\\x").append(HEX.toHexDigits((byte) b));
					}
				}
			}
		}
		return text.toString();
	}

	/**
	 * One frame seen: the bytes of it shown, all of it unless the tap's byte cap cut it.
	 *
	 * @param at when it was read or written
	 * @param direction in (from the client) or out (to it)
	 * @param length its whole length in bytes
	 * @param shown the bytes of it shown
	 */
	public record Frame(Instant at, String direction, int length, byte[] shown) {

		/**
		 * The bytes shown as text: printable ASCII as it is, the rest escaped.
		 * @return the text
		 */
		public String text() {
			return escaped(this.shown);
		}

		/**
		 * The bytes shown in hex.
		 * @return the hex digits
		 */
		public String hex() {
			return HEX.formatHex(this.shown);
		}

		/**
		 * Whether only part of the frame is shown (the tap's byte cap).
		 * @return true when cut
		 */
		public boolean cut() {
			return this.shown.length < this.length;
		}

	}

	/**
	 * What a tap saw.
	 *
	 * @param frames the frames, in order
	 * @param ended why it ended: frames, bytes, time, closed or replaced
	 */
	public record Result(List<Frame> frames, String ended) {

	}

}
