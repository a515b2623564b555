package io.wharf.transport.tcp;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

import org.springframework.integration.ip.tcp.serializer.SoftEndOfStreamException;

/**
 * Input streams that deliver bytes the ways TCP does: several frames in one read, or one
 * frame over many reads.
 */
final class Streams {

	private Streams() {
	}

	/** All bytes available at once: the "sticky packet" case. */
	static InputStream coalesced(byte[] bytes) {
		return new ByteArrayInputStream(bytes);
	}

	/**
	 * One byte per read, nothing ever available ahead: a frame split into many segments.
	 */
	static InputStream trickled(byte[] bytes) {
		return new InputStream() {

			private int position;

			@Override
			public int read() {
				return (this.position < bytes.length) ? Byte.toUnsignedInt(bytes[this.position++]) : -1;
			}

			@Override
			public int read(byte[] buffer, int offset, int length) {
				if (length == 0) {
					return 0;
				}
				int b = read();
				if (b < 0) {
					return -1;
				}
				buffer[offset] = (byte) b;
				return 1;
			}

			@Override
			public int available() {
				return 0;
			}

		};
	}

	static byte[] bytes(String text) {
		return text.getBytes(StandardCharsets.UTF_8);
	}

	static String text(byte[] bytes) {
		return new String(bytes, StandardCharsets.UTF_8);
	}

	/** Decodes until the end of stream. */
	static List<byte[]> decodeAll(FrameCodec codec, InputStream input) throws IOException {
		List<byte[]> frames = new ArrayList<>();
		while (true) {
			try {
				frames.add(codec.decode(input));
			}
			catch (SoftEndOfStreamException ex) {
				return frames;
			}
		}
	}

	static byte[] encode(FrameCodec codec, byte[]... messages) throws IOException {
		ByteArrayOutputStream out = new ByteArrayOutputStream();
		for (byte[] message : messages) {
			codec.encode(message, out);
		}
		return out.toByteArray();
	}

}
