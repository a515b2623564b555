package io.wharf.transport.tcp;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;

import org.springframework.integration.ip.tcp.serializer.SoftEndOfStreamException;

/**
 * No framing: each read is a message (whatever has arrived, up to a chunk size) and
 * replies are written as they are.
 */
final class RawCodec implements FrameCodec {

	private final int chunkSize;

	RawCodec(int chunkSize) {
		this.chunkSize = chunkSize;
	}

	@Override
	public byte[] decode(InputStream input) throws IOException {
		int first = input.read();
		if (first < 0) {
			throw new SoftEndOfStreamException("Stream closed between frames");
		}
		// Take what has already arrived without blocking, as one recv() would.
		int more = Math.min(input.available(), this.chunkSize - 1);
		byte[] chunk = new byte[1 + more];
		chunk[0] = (byte) first;
		input.readNBytes(chunk, 1, more);
		return chunk;
	}

	@Override
	public void encode(byte[] message, OutputStream output) throws IOException {
		output.write(message);
	}

}
