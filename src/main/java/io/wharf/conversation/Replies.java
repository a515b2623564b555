package io.wharf.conversation;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;

import io.wharf.api.Reply;

/**
 * Reads what a service or a Spring Integration flow answers, the one way for every
 * transport: a {@link Reply}, the bytes or text (UTF-8) of one frame, or a collection of
 * frames as bytes or text.
 */
public final class Replies {

	private Replies() {
	}

	/**
	 * The reply a message's payload stands for.
	 * @param payload what the service or flow answered
	 * @return the reply
	 * @throws IllegalArgumentException for any other payload, naming what is accepted
	 */
	public static Reply of(Object payload) {
		if (payload instanceof Reply reply) {
			return reply;
		}
		if (payload instanceof byte[] bytes) {
			return Reply.of(bytes);
		}
		if (payload instanceof String text) {
			return Reply.of(text.getBytes(StandardCharsets.UTF_8));
		}
		if (payload instanceof Collection<?> frames) {
			List<byte[]> each = new ArrayList<>(frames.size());
			for (Object frame : frames) {
				each.add(frame(frame));
			}
			return new Reply(each, false);
		}
		throw unsupported(payload);
	}

	private static byte[] frame(Object frame) {
		if (frame instanceof byte[] bytes) {
			return bytes;
		}
		if (frame instanceof String text) {
			return text.getBytes(StandardCharsets.UTF_8);
		}
		throw unsupported(frame);
	}

	private static IllegalArgumentException unsupported(Object payload) {
		return new IllegalArgumentException("A reply must be a byte[], a String, a collection of them or an "
				+ "io.wharf.api.Reply, not a " + payload.getClass().getName());
	}

}
