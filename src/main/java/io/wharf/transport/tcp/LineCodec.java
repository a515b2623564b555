package io.wharf.transport.tcp;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;

import org.springframework.integration.ip.tcp.serializer.SoftEndOfStreamException;

/**
 * Lines ended by LF or CRLF. A message keeps its line ending, so an echo returns the
 * client's own; a reply without one gets LF. The size limit counts the line without its
 * ending.
 */
final class LineCodec implements FrameCodec {

	private static final byte[] CRLF = { '\r', '\n' };

	private final int maxFrameSize;

	LineCodec(int maxFrameSize) {
		this.maxFrameSize = maxFrameSize;
	}

	@Override
	public byte[] decode(InputStream input) throws IOException {
		FrameBuffer line = new FrameBuffer();
		while (true) {
			int b = input.read();
			if (b < 0) {
				throw new SoftEndOfStreamException((line.length() == 0) ? "Stream closed between frames"
						: "Stream closed in the middle of a line of " + line.length() + " bytes");
			}
			line.add(b);
			if (b == '\n') {
				int content = line.length() - (line.endsWith(CRLF) ? 2 : 1);
				if (content > this.maxFrameSize) {
					throw FrameException.tooLarge(content, this.maxFrameSize);
				}
				return line.toArray();
			}
			// One byte of slack for the CR of a CRLF ending.
			if (line.length() > this.maxFrameSize + 1) {
				throw FrameException.tooLarge(this.maxFrameSize);
			}
		}
	}

	@Override
	public void encode(byte[] message, OutputStream output) throws IOException {
		output.write(message);
		if (message.length == 0 || message[message.length - 1] != '\n') {
			output.write('\n');
		}
	}

	@Override
	public boolean carriesText() {
		return true;
	}

}
