package io.wharf.greeting;

import java.util.ArrayList;
import java.util.List;

/**
 * Turns received text into names: one per line, without line breaks, control characters
 * or surrounding blanks.
 */
final class GreetingNames {

	private GreetingNames() {
	}

	/**
	 * Splits text into names, one per line; a final line break does not start another
	 * name.
	 * @param text the decoded text of one read or frame
	 * @return the cleaned names, possibly empty strings
	 */
	static List<String> split(String text) {
		List<String> names = new ArrayList<>();
		int start = 0;
		while (start < text.length()) {
			int end = text.indexOf('\n', start);
			if (end < 0) {
				end = text.length();
			}
			names.add(clean(text.substring(start, end)));
			start = end + 1;
		}
		if (names.isEmpty()) {
			names.add("");
		}
		return names;
	}

	/**
	 * Cleans one name of what could disguise it in a reply or a log line: control
	 * characters, and invisible format characters such as bidirectional overrides
	 * (U+202E, U+2066 to U+2069) and zero-width spaces and joiners.
	 * @param text the raw name
	 * @return the name without them and without surrounding blanks
	 */
	static String clean(String text) {
		StringBuilder name = new StringBuilder(text.length());
		text.codePoints()
			.filter((c) -> !Character.isISOControl(c) && Character.getType(c) != Character.FORMAT)
			.forEach(name::appendCodePoint);
		return name.toString().strip();
	}

}
