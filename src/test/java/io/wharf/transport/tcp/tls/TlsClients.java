package io.wharf.transport.tcp.tls;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLSocket;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.search.Search;

import static org.assertj.core.api.Assertions.assertThatException;

/**
 * TLS clients for the TLS tests, whatever provider the server uses.
 */
final class TlsClients {

	private TlsClients() {
	}

	/**
	 * Connects to a TLS listener on this machine and completes the handshake.
	 * @param port the listener's port
	 * @param context the client's trust and, maybe, certificate
	 * @return the socket, with a 5 s read timeout
	 * @throws IOException if the connection or the handshake fails
	 */
	static SSLSocket connect(int port, SSLContext context) throws IOException {
		Socket plain = new Socket();
		plain.connect(new InetSocketAddress("127.0.0.1", port), 5000);
		plain.setSoTimeout(5000);
		SSLSocket socket = (SSLSocket) context.getSocketFactory()
			.createSocket(plain, "localhost", plain.getPort(), true);
		socket.startHandshake();
		return socket;
	}

	/**
	 * Asserts that a line-framed listener refuses a client: with TLS 1.3 the client
	 * finishes its handshake first, so the refusal comes on the first read.
	 * @param port the listener's port
	 * @param context the client's trust and certificate
	 */
	static void assertRefused(int port, SSLContext context) {
		assertThatException().isThrownBy(() -> {
			try (SSLSocket socket = connect(port, context)) {
				socket.getOutputStream().write("let me in\n".getBytes(StandardCharsets.US_ASCII));
				socket.getOutputStream().flush();
				if (socket.getInputStream().read() < 0) {
					throw new IOException("closed");
				}
			}
		});
	}

	/**
	 * The handshakes a listener counted with one result.
	 * @param registry the application's meters
	 * @param listener the listener
	 * @param result such as {@code ok} or {@code protocol}
	 * @return the count
	 */
	static double handshakes(MeterRegistry registry, String listener, String result) {
		return Search.in(registry)
			.name("wharf.tls.handshakes")
			.tag("listener", listener)
			.tag("result", result)
			.counter()
			.count();
	}

}
