package io.wharf.echo;

import java.io.IOException;
import java.net.DatagramPacket;
import java.net.DatagramSocket;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.util.Random;
import java.util.concurrent.CompletableFuture;

import io.wharf.WharfTest;
import io.wharf.WireClient;
import io.wharf.transport.Listeners;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;

import static io.wharf.WireClient.concat;
import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

@WharfTest
class EchoTests {

	private final Random random = new Random(862);

	@Autowired
	private Listeners listeners;

	@Test
	void rawEchoReturnsEveryByteInOrderThenClosesAfterTheClientsHalfClose() throws Exception {
		byte[] payload = randomBytes(4 * 1024 * 1024);
		try (WireClient client = WireClient.connect(this.listeners.port("echo-tcp"))) {
			// Read while writing: a server that echoes as it reads would otherwise fill
			// both buffers.
			CompletableFuture<byte[]> echoed = CompletableFuture.supplyAsync(() -> readToEnd(client));
			client.send(payload);
			client.shutdownOutput();
			assertThat(echoed.get()).isEqualTo(payload);
		}
	}

	@Test
	void rawEchoAnswersSmallWritesAsTheyCome() throws IOException {
		try (WireClient client = WireClient.connect(this.listeners.port("echo-tcp"))) {
			for (int i = 0; i < 20; i++) {
				byte[] chunk = randomBytes(1 + i * 7);
				client.send(chunk);
				assertThat(client.read(chunk.length)).isEqualTo(chunk);
			}
		}
	}

	@Test
	void listensOnIpv6TooWhenBoundToAllInterfaces() throws IOException {
		assumeTrue(ipv6Loopback(), "no IPv6 loopback on this machine");
		try (Socket socket = new Socket()) {
			socket.connect(new InetSocketAddress("::1", this.listeners.port("echo-tcp")), 5000);
			socket.setSoTimeout(5000);
			socket.getOutputStream().write(new byte[] { 6 });
			assertThat(socket.getInputStream().read()).isEqualTo(6);
		}
	}

	private static boolean ipv6Loopback() {
		try (java.net.ServerSocket probe = new java.net.ServerSocket(0, 1, java.net.InetAddress.getByName("::1"))) {
			return true;
		}
		catch (IOException ex) {
			return false;
		}
	}

	@Test
	void lineEchoKeepsEachLinesEnding() throws IOException {
		try (WireClient client = WireClient.connect(this.listeners.port("echo-line"))) {
			client.send("one\r\ntwo\n\n");
			assertThat(client.readLine()).isEqualTo("one\r\n");
			assertThat(client.readLine()).isEqualTo("two\n");
			assertThat(client.readLine()).isEqualTo("\n");
		}
	}

	@Test
	void lengthPrefixedEchoUsesTheSameHeaderInEverySizeAndByteOrder() throws IOException {
		assertFramedEcho("echo-framed", 4, ByteOrder.BIG_ENDIAN, 60_000);
		assertFramedEcho("echo-int-le", 4, ByteOrder.LITTLE_ENDIAN, 60_000);
		assertFramedEcho("echo-short-le", 2, ByteOrder.LITTLE_ENDIAN, 1024);
		assertFramedEcho("echo-byte", 1, ByteOrder.BIG_ENDIAN, 255);
	}

	private void assertFramedEcho(String listener, int headerSize, ByteOrder order, int largest) throws IOException {
		byte[] small = randomBytes(3);
		byte[] empty = new byte[0];
		byte[] large = randomBytes(largest);
		byte[] wire = concat(frame(headerSize, order, small), frame(headerSize, order, empty),
				frame(headerSize, order, large));
		try (WireClient client = WireClient.connect(this.listeners.port(listener))) {
			// All frames in one write (coalesced), then one frame a byte at a time
			// (split).
			client.send(wire);
			assertThat(client.read(wire.length)).isEqualTo(wire);
			byte[] single = frame(headerSize, order, small);
			for (byte b : single) {
				client.send(new byte[] { b });
			}
			assertThat(client.read(single.length)).isEqualTo(single);
		}
	}

	@Test
	void delimitedEchoUsesTheSameDelimiters() throws IOException {
		try (WireClient client = WireClient.connect(this.listeners.port("echo-stx"))) {
			client.send("noise\u0002hello\u0003\u0002\u0003");
			assertThat(new String(client.read(9), StandardCharsets.US_ASCII))
				.isEqualTo("\u0002hello\u0003\u0002\u0003");
		}
		try (WireClient client = WireClient.connect(this.listeners.port("echo-nul"))) {
			byte[] wire = { 'a', 0, 'b', 'c', 0 };
			client.send(wire);
			assertThat(client.read(wire.length)).isEqualTo(wire);
		}
	}

	@Test
	void udpEchoesEachDatagramWholeFromTheListenersSocket() throws IOException {
		try (DatagramSocket socket = new DatagramSocket()) {
			socket.setSoTimeout(5000);
			InetSocketAddress server = new InetSocketAddress("127.0.0.1", this.listeners.port("echo-udp"));
			for (int size : new int[] { 0, 1, 1500, 65_507 }) {
				byte[] payload = randomBytes(size);
				socket.send(new DatagramPacket(payload, size, server));
				DatagramPacket reply = new DatagramPacket(new byte[70_000], 70_000);
				socket.receive(reply);
				assertThat(reply.getPort()).isEqualTo(server.getPort());
				assertThat(reply.getLength()).isEqualTo(size);
				assertThat(java.util.Arrays.copyOf(reply.getData(), reply.getLength())).isEqualTo(payload);
			}
		}
	}

	static byte[] frame(int headerSize, ByteOrder order, byte[] body) {
		ByteBuffer frame = ByteBuffer.allocate(headerSize + body.length).order(order);
		switch (headerSize) {
			case 1 -> frame.put((byte) body.length);
			case 2 -> frame.putShort((short) body.length);
			default -> frame.putInt(body.length);
		}
		return frame.put(body).array();
	}

	private byte[] randomBytes(int size) {
		byte[] bytes = new byte[size];
		this.random.nextBytes(bytes);
		return bytes;
	}

	private static byte[] readToEnd(WireClient client) {
		try {
			return client.readToEnd();
		}
		catch (IOException ex) {
			throw new java.io.UncheckedIOException(ex);
		}
	}

}
