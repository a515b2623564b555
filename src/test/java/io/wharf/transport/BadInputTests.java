package io.wharf.transport;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;

import io.wharf.WharfTest;
import io.wharf.WireClient;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.context.ApplicationContext;
import org.springframework.integration.ip.tcp.connection.AbstractServerConnectionFactory;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

@WharfTest
@ExtendWith(OutputCaptureExtension.class)
class BadInputTests {

	@Autowired
	private Listeners listeners;

	@Autowired
	private ApplicationContext context;

	@Autowired
	private io.micrometer.core.instrument.MeterRegistry registry;

	@Test
	void anOverlongLineGetsAnErrorLineAndACloseWhileOtherClientsCarryOn(CapturedOutput output) throws IOException {
		try (WireClient bystander = WireClient.connect(this.listeners.port("echo-line"));
				WireClient offender = WireClient.connect(this.listeners.port("echo-line"))) {
			offender.send("x".repeat(100_000) + "\n");
			assertThat(new String(offender.readToEnd(), StandardCharsets.US_ASCII))
				.isEqualTo("ERROR frame exceeds max-frame-size of 65536 bytes; closing the connection\n");
			bystander.send("still here\n");
			assertThat(bystander.readLine()).isEqualTo("still here\n");
		}
		assertThat(output).contains("Listener 'echo-line' closed connection")
			.contains("raise wharf.listeners.echo-line.framing.max-frame-size");
		awaitNoConnections("echo-line");
	}

	@Test
	void anOverlongGreetingLineIsRefusedInOneLine() throws IOException {
		try (WireClient client = WireClient.connect(this.listeners.port("greeting-line"))) {
			client.readLine();
			client.readLine();
			client.send("y".repeat(300) + "\n");
			assertThat(new String(client.readToEnd(), StandardCharsets.US_ASCII))
				.isEqualTo("ERROR frame exceeds max-frame-size of 256 bytes; closing the connection\n");
		}
	}

	@Test
	void negativeAndAbsurdLengthHeadersCloseTheConnection(CapturedOutput output) throws IOException {
		for (byte[] header : new byte[][] { { -1, -1, -1, -1 }, { 0x7f, -1, -1, -1 } }) {
			try (WireClient client = WireClient.connect(this.listeners.port("echo-framed"))) {
				client.send(header);
				assertThat(client.readToEnd()).isEmpty();
			}
		}
		assertThat(output).contains("length header -1 is negative; check that the client's framing matches")
			.contains("frame of 2147483647 bytes exceeds max-frame-size of 65536 bytes");
		try (WireClient client = WireClient.connect(this.listeners.port("echo-framed"))) {
			byte[] frame = { 0, 0, 0, 2, 'o', 'k' };
			client.send(frame);
			assertThat(client.read(frame.length)).isEqualTo(frame);
		}
		awaitNoConnections("echo-framed");
	}

	@Test
	void aHeaderInTheOtherByteOrderIsNamedInTheLog(CapturedOutput output) throws IOException {
		try (WireClient client = WireClient.connect(this.listeners.port("echo-int-le"))) {
			// Python's struct.pack('!i', 5) + b'hello', sent to a little-endian listener.
			client.send(new byte[] { 0, 0, 0, 5, 'h', 'e', 'l', 'l', 'o' });
			assertThat(client.readToEnd()).isEmpty();
		}
		await().atMost(Duration.ofSeconds(10))
			.untilAsserted(() -> assertThat(output).contains("Listener 'echo-int-le' closed connection")
				.contains("frame of 83886080 bytes exceeds max-frame-size of 65536 bytes; the header looks like "
						+ "big-endian (it reads 5 that way); check framing.byte-order"));
	}

	@Test
	void aFloodOfBadFramesIsCountedNotLoggedOneByOne(CapturedOutput output) throws IOException {
		for (int i = 0; i < 5; i++) {
			try (WireClient client = WireClient.connect(this.listeners.port("echo-short-le"))) {
				client.send(new byte[] { (byte) 0xFF, (byte) 0xFF });
				assertThat(client.readToEnd()).isEmpty();
			}
		}
		assertThat(output.toString()
			.lines()
			.filter((line) -> line.contains("WARN") && line.contains("Listener 'echo-short-le' closed connection")))
			.hasSize(1);
	}

	@Test
	void connectionsBeyondMaxConnectionsAreClosedAtOnce(CapturedOutput output) throws IOException {
		String welcome = "Server: Welcome!\nServer: What's your name";
		int port = this.listeners.port("limited");
		try (WireClient first = WireClient.connect(port); WireClient second = WireClient.connect(port)) {
			first.readText(welcome);
			second.readText(welcome);
			try (WireClient third = WireClient.connect(port)) {
				assertThat(third.readToEnd()).isEmpty();
			}
			first.send("still served\n");
			assertThat(first.readText("Server: Hello still served!\n")).isEqualTo("Server: Hello still served!\n");
		}
		awaitNoConnections("limited");
		try (WireClient again = WireClient.connect(port)) {
			assertThat(again.readText(welcome)).isEqualTo(welcome);
		}
		assertThat(output).contains("Listener 'limited' refused a connection from")
			.contains("raise wharf.listeners.limited.max-connections");
		assertThat(this.registry.get("wharf.connections.closed")
			.tag("listener", "limited")
			.tag("reason", "rejected")
			.counter()
			.count()).isEqualTo(1);
		assertThat(this.registry.get("wharf.connections.limit").tag("listener", "limited").gauge().value())
			.isEqualTo(2);
	}

	@Test
	void anOversizedDelimitedFrameClosesTheConnection() throws IOException {
		try (WireClient client = WireClient.connect(this.listeners.port("echo-stx"))) {
			client.send("\u0002" + "z".repeat(40) + "\u0003");
			assertThat(client.readToEnd()).isEmpty();
		}
	}

	@Test
	void clientsVanishingMidFrameOrMidConversationAreClosedQuietly(CapturedOutput output) throws IOException {
		try (WireClient client = WireClient.connect(this.listeners.port("echo-framed"))) {
			client.send(new byte[] { 0, 0, 0, 100, 1, 2, 3 });
			client.reset();
		}
		try (WireClient client = WireClient.connect(this.listeners.port("echo-line"))) {
			client.send("half a li");
		}
		try (WireClient client = WireClient.connect(this.listeners.port("greeting-tcp"))) {
			client.readText("Server: Welcome!\n");
			client.reset();
		}
		awaitNoConnections("echo-framed");
		awaitNoConnections("echo-line");
		awaitNoConnections("greeting-tcp");
		assertThat(output).doesNotContain(" ERROR ").doesNotContain("Exception").doesNotContain("\tat ");
	}

	@Test
	void serverSideConnectionsAreReleasedWhenClientsLeave() throws IOException {
		for (int i = 0; i < 20; i++) {
			try (WireClient client = WireClient.connect(this.listeners.port("echo-tcp"))) {
				client.send(new byte[] { (byte) i });
				client.read(1);
			}
		}
		awaitNoConnections("echo-tcp");
	}

	private void awaitNoConnections(String listener) {
		AbstractServerConnectionFactory factory = this.context.getBean(listener + ".connections",
				AbstractServerConnectionFactory.class);
		await().atMost(Duration.ofSeconds(10)).until(() -> factory.getOpenConnectionIds().isEmpty());
	}

}
