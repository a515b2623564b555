package io.wharf.transport.tcp;

import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.search.Search;
import io.wharf.WireClient;
import io.wharf.transport.Listeners;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Clients that would hold a connection forever: trickling a frame, never reading, or
 * simply staying; each is closed by its time limit, with its reason counted.
 */
@SpringBootTest(properties = { "wharf.listeners.greeting-tcp.enabled=false",
		"wharf.listeners.greeting-udp.enabled=false", "wharf.listeners.echo-tcp.enabled=false",
		"wharf.listeners.echo-udp.enabled=false", "wharf.listeners.echo-line.enabled=false",
		"wharf.listeners.echo-framed.enabled=false",
		// Trickled frames: idle never fires, the frame timeout does.
		"wharf.listeners.trickle.protocol=tcp", "wharf.listeners.trickle.port=0",
		"wharf.listeners.trickle.service=echo", "wharf.listeners.trickle.framing.type=line",
		"wharf.listeners.trickle.frame-timeout=1s", "wharf.listeners.trickle.idle-timeout=1m",
		// Clients that do not read.
		"wharf.listeners.unread.protocol=tcp", "wharf.listeners.unread.port=0", "wharf.listeners.unread.service=echo",
		"wharf.listeners.unread.write-timeout=1s", "wharf.listeners.unread.send-buffer-size=8KB",
		"wharf.listeners.unread.idle-timeout=1m", "wharf.listeners.unread-idle.protocol=tcp",
		"wharf.listeners.unread-idle.port=0", "wharf.listeners.unread-idle.service=echo",
		"wharf.listeners.unread-idle.idle-timeout=500ms", "wharf.listeners.unread-idle.write-timeout=1s",
		"wharf.listeners.unread-idle.send-buffer-size=8KB",
		// Age.
		"wharf.listeners.aging.protocol=tcp", "wharf.listeners.aging.port=0", "wharf.listeners.aging.service=echo",
		"wharf.listeners.aging.framing.type=line", "wharf.listeners.aging.max-connection-age=1s" })
@ExtendWith(OutputCaptureExtension.class)
class DeadlineTests {

	@Autowired
	private Listeners listeners;

	@Autowired
	private MeterRegistry registry;

	@Test
	void aFrameTrickledByteByByteIsClosedAtTheFrameTimeout(CapturedOutput output) throws Exception {
		ScheduledExecutorService trickler = Executors.newSingleThreadScheduledExecutor();
		try (WireClient client = WireClient.connect(this.listeners.port("trickle"))) {
			client.send("whole line\n");
			assertThat(client.readLine()).isEqualTo("whole line\n");
			// A byte every 100 ms keeps the connection from being idle, never ending a
			// line.
			trickler.scheduleAtFixedRate(() -> {
				try {
					client.send("x");
				}
				catch (IOException ex) {
					// Closed by the server: the point of the test.
				}
			}, 0, 100, TimeUnit.MILLISECONDS);
			assertThat(new String(client.readToEnd(), StandardCharsets.US_ASCII))
				.isEqualTo("ERROR frame not completed within 1s; closing the connection\n");
		}
		finally {
			trickler.shutdownNow();
		}
		await().atMost(Duration.ofSeconds(10)).until(() -> closed("trickle", "frame_timeout") >= 1);
		assertThat(output).contains("Listener 'trickle' closing connection")
			.contains("a frame begun 1s ago is still not complete (wharf.listeners.trickle.frame-timeout)");
	}

	@Test
	void linesStreamedAcrossReadsAreNotMistakenForATrickle() throws Exception {
		double timedOutBefore = closed("trickle", "frame_timeout");
		try (WireClient client = WireClient.connect(this.listeners.port("trickle"))) {
			// Every read ends in the middle of a line, but lines keep ending: "A", "BA",
			// ...
			long start = System.nanoTime();
			client.send("A\nB");
			assertThat(client.readLine()).isEqualTo("A\n");
			int lines = 0;
			while (System.nanoTime() - start < Duration.ofMillis(2500).toNanos()) {
				client.send("A\nB");
				assertThat(client.readLine()).isEqualTo("BA\n");
				lines++;
				Thread.sleep(50);
			}
			client.send("\n");
			assertThat(client.readLine()).isEqualTo("B\n");
			assertThat(lines).isGreaterThan(10);
		}
		assertThat(closed("trickle", "frame_timeout")).isEqualTo(timedOutBefore);
	}

	@Test
	void aClientThatDoesNotReadItsRepliesIsClosedAtTheWriteTimeout(CapturedOutput output) throws Exception {
		CompletableFuture<Void> writing = flood(this.listeners.port("unread"));
		await().atMost(Duration.ofSeconds(20)).until(() -> closed("unread", "write_timeout") == 1);
		await().atMost(Duration.ofSeconds(10)).until(writing::isDone);
		assertThat(active("unread")).isZero();
		assertThat(output).contains("its replies were not taken for 1s");
	}

	@Test
	void anIdleCloseDoesNotWaitForeverOnAClientThatDoesNotRead() throws Exception {
		CompletableFuture<Void> writing = flood(this.listeners.port("unread-idle"));
		// Unread echoes stop the reading, so the client falls idle; the close then waits
		// for replies that never leave, up to the write timeout.
		await().atMost(Duration.ofSeconds(20)).until(() -> active("unread-idle") == 0);
		await().atMost(Duration.ofSeconds(10)).until(writing::isDone);
		assertThat(closed("unread-idle", "idle_timeout") + closed("unread-idle", "write_timeout")).isEqualTo(1);
	}

	@Test
	void aConnectionPastItsMaximumAgeIsAskedToReconnect() throws IOException {
		try (WireClient client = WireClient.connect(this.listeners.port("aging"))) {
			client.send("hello\n");
			assertThat(client.readLine()).isEqualTo("hello\n");
			assertThat(new String(client.readToEnd(), StandardCharsets.US_ASCII))
				.isEqualTo("Server: this connection reached its maximum age; please reconnect\n");
		}
		await().atMost(Duration.ofSeconds(10)).until(() -> closed("aging", "max_age") == 1);
	}

	/** Writes until the server gives up on the connection, never reading. */
	private static CompletableFuture<Void> flood(int port) throws IOException {
		Socket socket = new Socket();
		socket.setReceiveBufferSize(4096);
		socket.connect(new InetSocketAddress("127.0.0.1", port), 5000);
		return CompletableFuture.runAsync(() -> {
			byte[] chunk = new byte[16 * 1024];
			try (socket; OutputStream out = socket.getOutputStream()) {
				for (int i = 0; i < 100_000; i++) {
					out.write(chunk);
				}
			}
			catch (IOException ex) {
				// Closed by the server.
			}
		});
	}

	private double closed(String listener, String reason) {
		return Search.in(this.registry)
			.name("wharf.connections.closed")
			.tags("listener", listener, "reason", reason)
			.counter()
			.count();
	}

	private double active(String listener) {
		return Search.in(this.registry).name("wharf.connections.active").tag("listener", listener).gauge().value();
	}

}
