package io.wharf.test;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

import io.wharf.api.Answer;

/**
 * What a service answered to one call, as text: each frame decoded as UTF-8, and whether
 * the session closes after them.
 *
 * @param frames the frames, in order
 * @param closes whether the service closes the session after them
 */
public record Answered(List<String> frames, boolean closes) {

	static Answered of(Answer answer) {
		return new Answered(text(answer.frames()), answer.closes());
	}

	static List<String> text(List<byte[]> frames) {
		List<String> text = new ArrayList<>(frames.size());
		for (byte[] frame : frames) {
			text.add(new String(frame, StandardCharsets.UTF_8));
		}
		return List.copyOf(text);
	}

}
