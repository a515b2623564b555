package io.wharf.greeting;

import java.io.IOException;
import java.net.DatagramPacket;
import java.net.DatagramSocket;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Duration;

import io.wharf.WharfTest;
import io.wharf.WireClient;
import io.wharf.transport.Listeners;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;

import static org.assertj.core.api.Assertions.assertThat;

@WharfTest
class GreetingConversationTests {

	private static final String WELCOME = "Server: Welcome!\nServer: What's your name";

	@Autowired
	private Listeners listeners;

	@Test
	void holdsTheTutorialsConversationByteForByte() throws IOException {
		try (WireClient client = WireClient.connect(this.listeners.port("greeting-tcp"))) {
			assertThat(client.readText(WELCOME)).isEqualTo(WELCOME);
			client.send("Michael");
			assertThat(client.readText("Server: Hello Michael!\nServer: What's your name"))
				.isEqualTo("Server: Hello Michael!\nServer: What's your name");
			client.send("Ann\n");
			assertThat(client.readText("Server: Hello Ann!\nServer: What's your name"))
				.isEqualTo("Server: Hello Ann!\nServer: What's your name");
			client.send("exit");
			assertThat(new String(client.readToEnd(), StandardCharsets.UTF_8)).isEqualTo("Server: Good bye!\n");
		}
	}

	@Test
	void answersEveryLineOfOneRead() throws IOException {
		try (WireClient client = WireClient.connect(this.listeners.port("greeting-tcp"))) {
			client.readText(WELCOME);
			client.send("Bob\r\nAlice\nEXIT\n");
			assertThat(new String(client.readToEnd(), StandardCharsets.UTF_8))
				.isEqualTo("Server: Hello Bob!\nServer: What's your name"
						+ "Server: Hello Alice!\nServer: What's your nameServer: Good bye!\n");
		}
	}

	@Test
	void aFloodOfLineBreaksGetsOnePrompt() throws Exception {
		try (WireClient client = WireClient.connect(this.listeners.port("greeting-tcp"))) {
			client.readText(WELCOME);
			client.send("\n".repeat(1_000_000) + "exit\n");
			assertThat(new String(client.readToEnd(), StandardCharsets.UTF_8))
				.isEqualTo("Server: What's your nameServer: Good bye!\n");
		}
	}

	@Test
	void aLastNameWithoutALineBreakIsAnsweredAfterAQuietMoment() throws IOException {
		try (WireClient client = WireClient.connect(this.listeners.port("greeting-tcp"))) {
			client.readText(WELCOME);
			long start = System.nanoTime();
			client.send("Ann\nBob");
			String both = "Server: Hello Ann!\nServer: What's your nameServer: Hello Bob!\nServer: What's your name";
			assertThat(client.readText(both)).isEqualTo(both);
			assertThat(Duration.ofNanos(System.nanoTime() - start)).as("Bob waited for fragment-wait (300ms here)")
				.isGreaterThanOrEqualTo(Duration.ofMillis(300));
		}
	}

	@Test
	void repromptsForEmptyNamesAndRefusesLongOnes() throws IOException {
		try (WireClient client = WireClient.connect(this.listeners.port("greeting-tcp"))) {
			client.readText(WELCOME);
			client.send("\n");
			assertThat(client.readText("Server: What's your name")).isEqualTo("Server: What's your name");
			client.send("x".repeat(65) + "\n");
			String refusal = "Server: Names are at most 64 characters, try a shorter one.\nServer: What's your name";
			assertThat(client.readText(refusal)).isEqualTo(refusal);
		}
	}

	@Test
	void everyServerMessageIsALineUnderLineFraming() throws IOException {
		try (WireClient client = WireClient.connect(this.listeners.port("greeting-line"))) {
			assertThat(client.readLine()).isEqualTo("Server: Welcome!\n");
			assertThat(client.readLine()).isEqualTo("Server: What's your name\n");
			client.send("Zo\u00eb\r\n");
			assertThat(client.readLine()).isEqualTo("Server: Hello Zo\u00eb!\n");
			assertThat(client.readLine()).isEqualTo("Server: What's your name\n");
		}
	}

	@Test
	void saysWhyBeforeClosingAnIdleSession() throws IOException {
		try (WireClient client = WireClient.connect(this.listeners.port("greeting-idle"))) {
			client.readText(WELCOME);
			assertThat(new String(client.readToEnd(), StandardCharsets.UTF_8))
				.isEqualTo("Server: No name in 1 second, closing the connection. Good bye!\n");
		}
	}

	@Test
	void answersEachDatagramInOneDatagram() throws IOException {
		try (DatagramSocket socket = new DatagramSocket()) {
			socket.setSoTimeout(5000);
			InetSocketAddress server = new InetSocketAddress("127.0.0.1", this.listeners.port("greeting-udp"));
			assertThat(exchange(socket, server, "Michael\n"))
				.isEqualTo("Server: Hello Michael!\nServer: What's your name");
			assertThat(exchange(socket, server, "exit")).isEqualTo("Server: Good bye!\n");
		}
	}

	private static String exchange(DatagramSocket socket, InetSocketAddress server, String name) throws IOException {
		byte[] bytes = name.getBytes(StandardCharsets.UTF_8);
		socket.send(new DatagramPacket(bytes, bytes.length, server));
		DatagramPacket reply = new DatagramPacket(new byte[2048], 2048);
		socket.receive(reply);
		assertThat(reply.getPort()).isEqualTo(server.getPort());
		return new String(reply.getData(), 0, reply.getLength(), StandardCharsets.UTF_8);
	}

}
