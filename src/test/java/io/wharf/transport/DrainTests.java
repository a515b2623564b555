package io.wharf.transport;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

import io.wharf.WharfApplication;
import io.wharf.WireClient;
import org.junit.jupiter.api.Test;

import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;
import static org.awaitility.Awaitility.await;

/**
 * At shutdown the listeners stop accepting, readiness goes DOWN, and every open session
 * gets its last replies and closes, without waiting for the drain timeout.
 */
class DrainTests {

	private static final String WELCOME = "Server: Welcome!\nServer: What's your name";

	@Test
	void sessionsGetTheirLastWordsAndCloseWhileReadinessIsDown() throws Exception {
		ConfigurableApplicationContext context = new SpringApplicationBuilder(WharfApplication.class).run(
				"--server.port=0", "--wharf.drain-timeout=30s", "--wharf.listeners.greeting-tcp.port=0",
				"--wharf.listeners.greeting-udp.port=0", "--wharf.listeners.echo-tcp.port=0",
				"--wharf.listeners.echo-udp.port=0", "--wharf.listeners.echo-line.port=0",
				"--wharf.listeners.echo-framed.port=0");
		int http = Integer.parseInt(context.getEnvironment().getProperty("local.server.port"));
		int greeting = context.getBean(Listeners.class).port("greeting-tcp");
		int line = context.getBean(Listeners.class).port("echo-line");
		try (WireClient waiting = WireClient.connect(greeting); WireClient midLine = WireClient.connect(line)) {
			waiting.readText(WELCOME);
			midLine.send("half a ");
			assertThat(readiness(http)).isEqualTo(200);
			long start = System.nanoTime();
			CompletableFuture<Void> closing = CompletableFuture.runAsync(context::close);
			// A session waiting for a name is told at once, and closed.
			assertThat(new String(waiting.readToEnd(), StandardCharsets.UTF_8))
				.isEqualTo("Server: The server is shutting down. Good bye!\n");
			// One in the middle of a line holds the drain open until the line is
			// answered.
			await().atMost(Duration.ofSeconds(10)).until(() -> readiness(http) == 503);
			assertThatExceptionOfType(IOException.class).isThrownBy(() -> WireClient.connect(greeting).close());
			midLine.send("line\n");
			assertThat(new String(midLine.readToEnd(), StandardCharsets.UTF_8)).isEqualTo("half a line\n");
			closing.get(20, TimeUnit.SECONDS);
			// Well within the 30 s drain timeout: nobody waited for it.
			assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofSeconds(20));
		}
		finally {
			context.close();
		}
	}

	private static int readiness(int port) {
		try {
			return HttpClient.newHttpClient()
				.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/actuator/health/readiness"))
					.build(), HttpResponse.BodyHandlers.discarding())
				.statusCode();
		}
		catch (IOException | InterruptedException ex) {
			return -1;
		}
	}

}
