package io.wharf.transport.tcp;

/**
 * A client sent something its listener's framing cannot accept; the connection is closed.
 */
public final class FrameException extends RuntimeException {

	private final Kind kind;

	FrameException(Kind kind, String message) {
		super(message);
		this.kind = kind;
	}

	static FrameException tooLarge(long size, int max) {
		return new FrameException(Kind.TOO_LARGE,
				"frame of " + size + " bytes exceeds max-frame-size of " + max + " bytes");
	}

	static FrameException tooLarge(int max) {
		return new FrameException(Kind.TOO_LARGE, "frame exceeds max-frame-size of " + max + " bytes");
	}

	static FrameException malformed(String message) {
		return new FrameException(Kind.MALFORMED, message);
	}

	/**
	 * What was wrong.
	 * @return the kind of error
	 */
	public Kind kind() {
		return this.kind;
	}

	/**
	 * The value of the {@code type} tag of the error counter.
	 * @return {@code frame_too_large} or {@code malformed_frame}
	 */
	public String errorType() {
		return (this.kind == Kind.TOO_LARGE) ? "frame_too_large" : "malformed_frame";
	}

	/**
	 * The kinds of framing error.
	 */
	public enum Kind {

		/** Longer than the listener's max-frame-size. */
		TOO_LARGE,

		/** Not a frame at all, e.g. a negative length header. */
		MALFORMED

	}

}
