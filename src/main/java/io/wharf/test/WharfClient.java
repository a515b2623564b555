package io.wharf.test;

import java.io.ByteArrayOutputStream;
import java.io.Closeable;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Arrays;

import io.wharf.config.framing.FramingProperties;
import org.jspecify.annotations.Nullable;

import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.core.env.Environment;

/**
 * A TCP client for tests that speaks a listener's framing, as a device would: frames are
 * sent with their line ending, length header or delimiters, and read back one whole frame
 * at a time without them. Made from the application's {@link Environment}, it finds the
 * listener's port ({@code local.wharf.listeners.<name>.port}) and framing
 * ({@code wharf.listeners.<name>.framing}) by itself:
 *
 * <pre class="code">
 * try (WharfClient client = WharfClient.connect(environment, "shout")) {
 *     client.send("hello");
 *     assertThat(client.receive()).isEqualTo("HELLO!");
 * }
 * </pre>
 */
public final class WharfClient implements Closeable {

	private static final Duration TIMEOUT = Duration.ofSeconds(10);

	private final Socket socket;

	private final InputStream in;

	private final OutputStream out;

	private final FramingProperties framing;

	private final byte[] start;

	private final byte[] end;

	private WharfClient(Socket socket, FramingProperties framing) throws IOException {
		this.socket = socket;
		this.in = socket.getInputStream();
		this.out = socket.getOutputStream();
		this.framing = framing;
		this.start = framing.startDelimiterBytes();
		this.end = framing.delimiterBytes();
	}

	/**
	 * Connects to a running listener of the application, in its framing.
	 * @param environment the application's environment
	 * @param listener the listener's name
	 * @return the connected client
	 */
	public static WharfClient connect(Environment environment, String listener) {
		int port = environment.getRequiredProperty("local.wharf.listeners." + listener + ".port", Integer.class);
		FramingProperties framing = Binder.get(environment)
			.bind("wharf.listeners." + listener + ".framing", FramingProperties.class)
			.orElse(FramingProperties.DEFAULT);
		return connect(port, framing);
	}

	/**
	 * Connects to a port on this host.
	 * @param port the port
	 * @param framing the framing to speak
	 * @return the connected client
	 */
	public static WharfClient connect(int port, FramingProperties framing) {
		try {
			Socket socket = new Socket();
			socket.connect(new InetSocketAddress("127.0.0.1", port), (int) TIMEOUT.toMillis());
			socket.setSoTimeout((int) TIMEOUT.toMillis());
			socket.setTcpNoDelay(true);
			return new WharfClient(socket, framing);
		}
		catch (IOException ex) {
			throw new UncheckedIOException("cannot connect to port " + port, ex);
		}
	}

	/**
	 * Sends a frame of text.
	 * @param text the frame, sent as UTF-8 and framed
	 */
	public void send(String text) {
		send(text.getBytes(StandardCharsets.UTF_8));
	}

	/**
	 * Sends a frame.
	 * @param frame its bytes, framed before they are sent
	 */
	public void send(byte[] frame) {
		try {
			this.out.write(framed(frame));
			this.out.flush();
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	private byte[] framed(byte[] frame) {
		return switch (this.framing.type()) {
			case RAW -> frame;
			case LINE -> concat(frame, new byte[] { '\n' });
			case LENGTH_PREFIX -> concat(header(frame.length), frame);
			case DELIMITER -> concat(concat(this.start, frame), this.end);
		};
	}

	private byte[] header(int length) {
		int size = this.framing.headerSize();
		ByteBuffer header = ByteBuffer.allocate(4).order(this.framing.byteOrder().order()).putInt(length);
		return (this.framing.byteOrder().order() == ByteOrder.BIG_ENDIAN)
				? Arrays.copyOfRange(header.array(), 4 - size, 4) : Arrays.copyOf(header.array(), size);
	}

	/**
	 * Reads the next frame as text.
	 * @return the frame, UTF-8, without its framing; on raw framing what one read returns
	 * @throws IllegalStateException when the server closed the connection instead
	 */
	public String receive() {
		byte[] frame = receiveFrame();
		if (frame == null) {
			throw new IllegalStateException("the server closed the connection");
		}
		return new String(frame, StandardCharsets.UTF_8);
	}

	/**
	 * Reads the next frame.
	 * @return its bytes without framing, or null when the server closed the connection
	 */
	public byte @Nullable [] receiveFrame() {
		try {
			return switch (this.framing.type()) {
				case RAW -> raw();
				case LINE -> until(new byte[] { '\n' }, true);
				case LENGTH_PREFIX -> lengthPrefixed();
				case DELIMITER -> delimited();
			};
		}
		catch (EOFException ex) {
			return null;
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	/**
	 * Whether the server closed the connection (after what it sent before).
	 * @return true when the next read finds the end of the stream
	 */
	public boolean closedByServer() {
		return receiveFrame() == null;
	}

	private byte[] raw() throws IOException {
		byte[] buffer = new byte[64 * 1024];
		int read = this.in.read(buffer);
		if (read < 0) {
			throw new EOFException();
		}
		return Arrays.copyOf(buffer, read);
	}

	private byte[] lengthPrefixed() throws IOException {
		byte[] header = this.in.readNBytes(this.framing.headerSize());
		if (header.length < this.framing.headerSize()) {
			throw new EOFException();
		}
		ByteBuffer length = ByteBuffer.allocate(4).order(this.framing.byteOrder().order());
		if (this.framing.byteOrder().order() == ByteOrder.BIG_ENDIAN) {
			length.position(4 - header.length);
		}
		length.put(header).rewind();
		return this.in.readNBytes(length.getInt());
	}

	private byte[] delimited() throws IOException {
		if (this.start.length > 0) {
			until(this.start, false);
		}
		return until(this.end, false);
	}

	/** Reads up to a terminator, which is not returned (nor a CR before a line's LF). */
	private byte[] until(byte[] terminator, boolean line) throws IOException {
		ByteArrayOutputStream frame = new ByteArrayOutputStream();
		while (true) {
			int b = this.in.read();
			if (b < 0) {
				throw new EOFException();
			}
			frame.write(b);
			byte[] bytes = frame.toByteArray();
			if (endsWith(bytes, terminator)) {
				int length = bytes.length - terminator.length;
				if (line && length > 0 && bytes[length - 1] == '\r') {
					length--;
				}
				return Arrays.copyOf(bytes, length);
			}
		}
	}

	private static boolean endsWith(byte[] bytes, byte[] suffix) {
		return bytes.length >= suffix.length
				&& Arrays.equals(bytes, bytes.length - suffix.length, bytes.length, suffix, 0, suffix.length);
	}

	private static byte[] concat(byte[] first, byte[] second) {
		byte[] both = Arrays.copyOf(first, first.length + second.length);
		System.arraycopy(second, 0, both, first.length, second.length);
		return both;
	}

	/**
	 * The client's own port, which the session's remote address names.
	 * @return the local port
	 */
	public int localPort() {
		return this.socket.getLocalPort();
	}

	@Override
	public void close() {
		try {
			this.socket.close();
		}
		catch (IOException ex) {
			// Closing anyway.
		}
	}

}
