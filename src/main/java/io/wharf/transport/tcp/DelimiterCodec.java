package io.wharf.transport.tcp;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;

import org.springframework.integration.ip.tcp.serializer.SoftEndOfStreamException;

/**
 * Messages ended by delimiter bytes (e.g. NUL or ETX), optionally started by others (e.g.
 * STX). With a start delimiter, bytes between frames are skipped, as STX/ETX devices
 * expect.
 */
final class DelimiterCodec implements FrameCodec {

	private final byte[] start;

	private final byte[] end;

	private final int maxFrameSize;

	DelimiterCodec(byte[] start, byte[] end, int maxFrameSize) {
		this.start = start;
		this.end = end;
		this.maxFrameSize = maxFrameSize;
	}

	@Override
	public byte[] decode(InputStream input) throws IOException {
		skipToStart(input);
		FrameBuffer frame = new FrameBuffer();
		while (true) {
			int b = input.read();
			if (b < 0) {
				throw new SoftEndOfStreamException(
						"Stream closed in the middle of a frame of " + frame.length() + " bytes");
			}
			frame.add(b);
			if (frame.endsWith(this.end)) {
				frame.truncate(frame.length() - this.end.length);
				return frame.toArray();
			}
			if (frame.length() >= this.maxFrameSize + this.end.length) {
				throw FrameException.tooLarge(this.maxFrameSize);
			}
		}
	}

	private void skipToStart(InputStream input) throws IOException {
		if (this.start.length == 0) {
			return;
		}
		int matched = 0;
		while (matched < this.start.length) {
			int b = input.read();
			if (b < 0) {
				throw new SoftEndOfStreamException("Stream closed between frames");
			}
			if (b == Byte.toUnsignedInt(this.start[matched])) {
				matched++;
			}
			else {
				matched = (b == Byte.toUnsignedInt(this.start[0])) ? 1 : 0;
			}
		}
	}

	@Override
	public void encode(byte[] message, OutputStream output) throws IOException {
		output.write(this.start);
		output.write(message);
		output.write(this.end);
	}

}
