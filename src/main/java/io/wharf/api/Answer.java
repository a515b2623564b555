package io.wharf.api;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

import org.jspecify.annotations.Nullable;

/**
 * What a service answers to one call: zero or more frames, each framed on its own by the
 * listener (a line, a length-prefixed message, a delimited one; for UDP all of them in
 * one datagram), and whether the session closes after them.
 */
public final class Answer {

	/**
	 * Created with the first frame: most calls about a session's lifecycle answer
	 * nothing.
	 */
	private @Nullable List<byte[]> frames;

	private boolean close;

	private boolean keepOpen;

	/**
	 * Adds a frame.
	 * @param frame its bytes, without framing
	 * @return this answer
	 */
	public Answer send(byte[] frame) {
		if (this.frames == null) {
			this.frames = new ArrayList<>(2);
		}
		this.frames.add(frame);
		return this;
	}

	/**
	 * Adds a frame of text.
	 * @param text the text, sent as UTF-8
	 * @return this answer
	 */
	public Answer send(String text) {
		return send(text.getBytes(StandardCharsets.UTF_8));
	}

	/**
	 * Closes the session once the frames are sent (ignored for UDP).
	 * @return this answer
	 */
	public Answer thenClose() {
		this.close = true;
		return this;
	}

	/**
	 * In {@link SocketService#idle}: keeps the session open instead of closing it, and
	 * starts its idle timeout again; a keep-alive a client answers, for instance. Ignored
	 * elsewhere.
	 * @return this answer
	 */
	public Answer keepOpen() {
		this.keepOpen = true;
		return this;
	}

	/**
	 * The frames added so far.
	 * @return the frames, in order
	 */
	public List<byte[]> frames() {
		return (this.frames != null) ? this.frames : List.of();
	}

	/**
	 * Whether the session closes after the frames.
	 * @return true after {@link #thenClose()}
	 */
	public boolean closes() {
		return this.close;
	}

	/**
	 * Whether an idle session stays open.
	 * @return true after {@link #keepOpen()}
	 */
	public boolean keepsOpen() {
		return this.keepOpen;
	}

}
