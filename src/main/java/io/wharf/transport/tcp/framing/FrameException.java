package io.wharf.transport.tcp.framing;

import io.netty.handler.codec.DecoderException;
import org.jspecify.annotations.Nullable;

/**
 * A client sent something its listener's framing cannot accept; the connection is closed.
 * A {@link DecoderException}, so Netty's decoders pass it on unwrapped.
 */
public final class FrameException extends DecoderException {

	private final boolean tooLarge;

	private final @Nullable String hint;

	private FrameException(boolean tooLarge, String message, @Nullable String hint) {
		super(message);
		this.tooLarge = tooLarge;
		this.hint = hint;
	}

	static FrameException tooLarge(long size, int max) {
		return tooLarge(size, max, null);
	}

	static FrameException tooLarge(long size, int max, @Nullable String hint) {
		return new FrameException(true, "frame of " + size + " bytes exceeds max-frame-size of " + max + " bytes",
				hint);
	}

	static FrameException tooLarge(int max) {
		return new FrameException(true, "frame exceeds max-frame-size of " + max + " bytes", null);
	}

	static FrameException malformed(String message, @Nullable String hint) {
		return new FrameException(false, message, hint);
	}

	/**
	 * Whether the frame was too large, rather than malformed.
	 * @return true for a frame over max-frame-size
	 */
	public boolean tooLarge() {
		return this.tooLarge;
	}

	/**
	 * The value of the {@code type} tag of the error counter.
	 * @return {@code frame_too_large} or {@code malformed_frame}
	 */
	public String errorType() {
		return this.tooLarge ? "frame_too_large" : "malformed_frame";
	}

	/**
	 * A likelier cause than the one the message states, when the bytes suggest one.
	 * @return e.g. that the header makes sense in the other byte order, or null
	 */
	public @Nullable String hint() {
		return this.hint;
	}

}
