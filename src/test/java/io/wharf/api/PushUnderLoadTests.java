package io.wharf.api;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;

import io.wharf.transport.Listeners;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Server push under load: 1,000 sessions receive broadcasts while they send lines of
 * their own; every pushed and every echoed line arrives exactly once, each kind in order.
 */
@ServicesTest
class PushUnderLoadTests {

	private static final int SESSIONS = 1000;

	private static final int LINES = 20;

	@Autowired
	private Listeners listeners;

	@Autowired
	private SocketSessions sessions;

	@Autowired
	private TestServices.CounterService counter;

	private final List<Socket> clients = new ArrayList<>();

	private final ExecutorService threads = Executors.newFixedThreadPool(8);

	@AfterEach
	void close() throws IOException {
		this.threads.shutdownNow();
		for (Socket client : this.clients) {
			client.close();
		}
	}

	@Test
	void everyPushedAndEchoedLineArrivesOnceInOrder() throws Exception {
		int port = this.listeners.port("counter");
		List<BufferedReader> readers = new ArrayList<>();
		for (int i = 0; i < SESSIONS; i++) {
			Socket client = new Socket();
			client.connect(new InetSocketAddress("127.0.0.1", port), 5000);
			client.setSoTimeout(30_000);
			this.clients.add(client);
			readers.add(new BufferedReader(new InputStreamReader(client.getInputStream(), StandardCharsets.UTF_8)));
		}
		await().atMost(java.time.Duration.ofSeconds(30)).until(() -> this.counter.sessions.size() >= SESSIONS);
		CompletableFuture<List<SocketSessions.Broadcast>> pushes = CompletableFuture.supplyAsync(() -> {
			List<SocketSessions.Broadcast> results = new ArrayList<>();
			for (int n = 0; n < LINES; n++) {
				results.add(this.sessions.broadcast("counter", ("push " + n).getBytes(StandardCharsets.UTF_8))
					.toCompletableFuture()
					.join());
			}
			return results;
		}, this.threads);
		List<CompletableFuture<Void>> sends = new ArrayList<>();
		for (Socket client : this.clients) {
			sends.add(CompletableFuture.runAsync(() -> send(client), this.threads));
		}
		CompletableFuture.allOf(sends.toArray(CompletableFuture[]::new)).get(60, TimeUnit.SECONDS);
		assertThat(pushes.get(60, TimeUnit.SECONDS))
			.allSatisfy((broadcast) -> assertThat(broadcast.sent()).isEqualTo(SESSIONS));
		for (BufferedReader reader : readers) {
			assertThat(reader.readLine()).isEqualTo("hello counter");
			List<String> echoes = new ArrayList<>();
			List<String> pushed = new ArrayList<>();
			for (int i = 0; i < 2 * LINES; i++) {
				String line = reader.readLine();
				(line.startsWith("push ") ? pushed : echoes).add(line);
			}
			assertThat(echoes).containsExactlyElementsOf(expected("echo "));
			assertThat(pushed).containsExactlyElementsOf(expected("push "));
		}
	}

	private static void send(Socket client) {
		try {
			OutputStream out = client.getOutputStream();
			for (int n = 0; n < LINES; n++) {
				out.write(("echo " + n + "\n").getBytes(StandardCharsets.UTF_8));
			}
			out.flush();
		}
		catch (IOException ex) {
			throw new java.io.UncheckedIOException(ex);
		}
	}

	private static List<String> expected(String prefix) {
		List<String> lines = new ArrayList<>();
		for (int n = 0; n < LINES; n++) {
			lines.add(prefix + n);
		}
		return lines;
	}

}
