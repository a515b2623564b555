package io.wharf;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;

/**
 * A blocking TCP test client: every read is bounded by a timeout.
 */
public final class WireClient implements AutoCloseable {

	private static final int TIMEOUT_MILLIS = 5000;

	private final Socket socket;

	private final InputStream in;

	private final OutputStream out;

	private WireClient(Socket socket) throws IOException {
		this.socket = socket;
		this.in = socket.getInputStream();
		this.out = socket.getOutputStream();
	}

	public static WireClient connect(int port) throws IOException {
		Socket socket = new Socket();
		socket.connect(new InetSocketAddress("127.0.0.1", port), TIMEOUT_MILLIS);
		socket.setSoTimeout(TIMEOUT_MILLIS);
		socket.setTcpNoDelay(true);
		return new WireClient(socket);
	}

	public WireClient send(byte[] bytes) throws IOException {
		this.out.write(bytes);
		this.out.flush();
		return this;
	}

	public WireClient send(String text) throws IOException {
		return send(text.getBytes(StandardCharsets.UTF_8));
	}

	/** Reads exactly {@code length} bytes. */
	public byte[] read(int length) throws IOException {
		byte[] bytes = this.in.readNBytes(length);
		if (bytes.length < length) {
			throw new IOException("end of stream after " + bytes.length + " of " + length + " bytes: "
					+ new String(bytes, StandardCharsets.UTF_8));
		}
		return bytes;
	}

	/** Reads exactly as many bytes as {@code expected} has, as text. */
	public String readText(String expected) throws IOException {
		return new String(read(expected.getBytes(StandardCharsets.UTF_8).length), StandardCharsets.UTF_8);
	}

	/** Reads up to and including the next LF. */
	public String readLine() throws IOException {
		ByteArrayOutputStream line = new ByteArrayOutputStream();
		int b;
		while ((b = this.in.read()) >= 0) {
			line.write(b);
			if (b == '\n') {
				break;
			}
		}
		return line.toString(StandardCharsets.UTF_8);
	}

	/** Reads until the server closes; fails on timeout. */
	public byte[] readToEnd() throws IOException {
		return this.in.readAllBytes();
	}

	/** Whether the server closed: end of stream or reset within the timeout. */
	public boolean closedByServer() throws IOException {
		try {
			return this.in.read() < 0;
		}
		catch (SocketTimeoutException ex) {
			return false;
		}
		catch (IOException ex) {
			return true;
		}
	}

	public int localPort() {
		return this.socket.getLocalPort();
	}

	public void shutdownOutput() throws IOException {
		this.socket.shutdownOutput();
	}

	/** Closes with a reset instead of a FIN, as a crashed client would. */
	public void reset() throws IOException {
		this.socket.setSoLinger(true, 0);
		this.socket.close();
	}

	public static byte[] concat(byte[]... parts) {
		int length = Arrays.stream(parts).mapToInt((part) -> part.length).sum();
		byte[] all = new byte[length];
		int offset = 0;
		for (byte[] part : parts) {
			System.arraycopy(part, 0, all, offset, part.length);
			offset += part.length;
		}
		return all;
	}

	@Override
	public void close() throws IOException {
		this.socket.close();
	}

}
