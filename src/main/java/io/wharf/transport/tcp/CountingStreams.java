package io.wharf.transport.tcp;

import java.io.FilterInputStream;
import java.io.FilterOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.util.function.LongConsumer;

/**
 * Socket streams that report the bytes that cross them, one report per read or write
 * call.
 */
final class CountingStreams {

	private CountingStreams() {
	}

	static InputStream counting(InputStream in, LongConsumer bytes) {
		return new FilterInputStream(in) {

			@Override
			public int read() throws IOException {
				int b = super.read();
				if (b >= 0) {
					bytes.accept(1);
				}
				return b;
			}

			@Override
			public int read(byte[] buffer, int offset, int length) throws IOException {
				int read = super.read(buffer, offset, length);
				if (read > 0) {
					bytes.accept(read);
				}
				return read;
			}

		};
	}

	static OutputStream counting(OutputStream out, LongConsumer bytes) {
		return new FilterOutputStream(out) {

			@Override
			public void write(byte[] buffer, int offset, int length) throws IOException {
				this.out.write(buffer, offset, length);
				bytes.accept(length);
			}

			@Override
			public void write(int b) throws IOException {
				this.out.write(b);
				bytes.accept(1);
			}

		};
	}

}
