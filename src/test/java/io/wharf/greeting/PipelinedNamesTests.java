package io.wharf.greeting;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

import io.wharf.WireClient;
import io.wharf.transport.Listeners;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Names pipelined by a line-based client are never cut at read boundaries, however the
 * client and the network stall between two reads (up to fragment-wait, a minute here, so
 * that no stall of a loaded machine can cut a name).
 */
@SpringBootTest(properties = { "wharf.greeting.fragment-wait=1m", "wharf.listeners.greeting-tcp.port=0",
		"wharf.listeners.greeting-udp.port=0", "wharf.listeners.echo-tcp.port=0", "wharf.listeners.echo-udp.port=0",
		"wharf.listeners.echo-line.port=0", "wharf.listeners.echo-framed.port=0" })
class PipelinedNamesTests {

	private static final String PROMPT = "Server: What's your name";

	@Autowired
	private Listeners listeners;

	@Test
	void pipelinedNamesAreNeverCutAtReadBoundaries() throws Exception {
		int names = 10_000;
		StringBuilder stream = new StringBuilder();
		StringBuilder expected = new StringBuilder();
		for (int i = 0; i < names; i++) {
			stream.append("name-").append(i).append('\n');
			expected.append("Server: Hello name-").append(i).append("!\nServer: What's your name");
		}
		stream.append("exit\n");
		expected.append("Server: Good bye!\n");
		try (WireClient client = WireClient.connect(this.listeners.port("greeting-tcp"))) {
			client.readText("Server: Welcome!\n" + PROMPT);
			// Written from another thread: the answers are four times the names, so the
			// client must read while it writes.
			CompletableFuture<Void> writing = CompletableFuture.runAsync(() -> {
				try {
					client.send(stream.toString());
				}
				catch (IOException ex) {
					throw new UncheckedIOException(ex);
				}
			});
			assertThat(new String(client.readToEnd(), StandardCharsets.UTF_8)).isEqualTo(expected.toString());
			writing.get(10, TimeUnit.SECONDS);
		}
	}

	@Test
	void aLineBreakInALaterReadJoinsTheName() throws Exception {
		try (WireClient client = WireClient.connect(this.listeners.port("greeting-tcp"))) {
			client.readText("Server: Welcome!\n" + PROMPT);
			client.send("Alice\nCa");
			assertThat(client.readText("Server: Hello Alice!\n" + PROMPT)).isEqualTo("Server: Hello Alice!\n" + PROMPT);
			client.send("rol\n");
			assertThat(client.readText("Server: Hello Carol!\n" + PROMPT)).isEqualTo("Server: Hello Carol!\n" + PROMPT);
		}
	}

}
