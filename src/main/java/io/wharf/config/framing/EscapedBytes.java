package io.wharf.config.framing;

import java.io.ByteArrayOutputStream;

import org.jspecify.annotations.Nullable;

/**
 * Reads delimiter bytes from configuration, where control characters are easiest written
 * as escapes: {@code \x02}, {@code \0}, {@code \r}, {@code \n}, {@code \t}, {@code \\}.
 * Other characters stand for their own code (0-255).
 */
final class EscapedBytes {

	private EscapedBytes() {
	}

	static byte[] parse(@Nullable String text) {
		if (text == null) {
			return new byte[0];
		}
		ByteArrayOutputStream bytes = new ByteArrayOutputStream();
		int i = 0;
		while (i < text.length()) {
			char c = text.charAt(i++);
			if (c == '\\' && i < text.length()) {
				char escape = text.charAt(i++);
				switch (escape) {
					case 'x' -> {
						bytes.write(hex(text, i));
						i += 2;
					}
					case '0' -> bytes.write(0);
					case 'r' -> bytes.write('\r');
					case 'n' -> bytes.write('\n');
					case 't' -> bytes.write('\t');
					case '\\' -> bytes.write('\\');
					default -> throw new IllegalArgumentException("unknown escape \\" + escape + " in '" + text + "'");
				}
			}
			else if (c > 0xFF) {
				throw new IllegalArgumentException("character '" + c + "' in '" + text + "' is not a single byte");
			}
			else {
				bytes.write(c);
			}
		}
		return bytes.toByteArray();
	}

	private static int hex(String text, int start) {
		if (start + 2 > text.length()) {
			throw new IllegalArgumentException("\\x needs two hex digits in '" + text + "'");
		}
		try {
			return Integer.parseInt(text.substring(start, start + 2), 16);
		}
		catch (NumberFormatException ex) {
			throw new IllegalArgumentException("\\x needs two hex digits in '" + text + "'", ex);
		}
	}

}
