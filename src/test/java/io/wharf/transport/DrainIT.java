package io.wharf.transport;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import io.wharf.PackagedJar;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The packaged server stopped as Kubernetes stops it, with SIGTERM, while 100 clients
 * stream lines to the echo and 50 wait in the greeting: every line the server read is
 * echoed and arrives (no reset destroys it), every greeting session hears the shutdown
 * farewell, and the process exits with 0 well within the drain timeout.
 */
class DrainIT {

	private static final int ECHO_CLIENTS = 100;

	private static final int GREETING_CLIENTS = 50;

	private static final String WELCOME = "Server: Welcome!\nServer: What's your name";

	@TempDir
	private Path work;

	@Test
	void sigtermDrainsWithoutLosingAByte() throws Exception {
		Path log = this.work.resolve("wharf.log");
		Process server = new ProcessBuilder(PackagedJar.java(), "-jar", PackagedJar.exec().toString(),
				"--server.port=0", "--wharf.drain-timeout=20s", "--wharf.listeners.greeting-tcp.port=0",
				"--wharf.listeners.greeting-udp.port=0", "--wharf.listeners.echo-tcp.port=0",
				"--wharf.listeners.echo-udp.port=0", "--wharf.listeners.echo-line.port=0",
				"--wharf.listeners.echo-framed.port=0")
			.redirectErrorStream(true)
			.redirectOutput(log.toFile())
			.start();
		ExecutorService threads = Executors.newCachedThreadPool();
		try {
			await().atMost(Duration.ofSeconds(60))
				.failFast(() -> !server.isAlive())
				.until(() -> Files.readString(log).contains("Serving "));
			int echo = port(log, "echo-line");
			int greeting = port(log, "greeting-tcp");
			List<CompletableFuture<String>> farewells = new ArrayList<>();
			for (int i = 0; i < GREETING_CLIENTS; i++) {
				farewells.add(awaitFarewell(greeting, threads));
			}
			List<EchoStream> streams = new ArrayList<>();
			for (int i = 0; i < ECHO_CLIENTS; i++) {
				streams.add(new EchoStream(i, echo, threads));
			}
			await().atMost(Duration.ofSeconds(30))
				.failFast(() -> streams.stream().anyMatch((s) -> s.result.isDone()))
				.until(() -> streams.stream().allMatch((s) -> s.echoed.get() > 10));
			long stop = System.nanoTime();
			server.destroy();
			assertThat(server.waitFor(30, TimeUnit.SECONDS)).isTrue();
			Files.readString(log).lines().filter((line) -> line.contains("Drain")).forEach(System.out::println);
			assertThat(server.exitValue()).as("exit code").isZero();
			assertThat(Duration.ofNanos(System.nanoTime() - stop)).isLessThan(Duration.ofSeconds(15));
			for (CompletableFuture<String> farewell : farewells) {
				assertThat(farewell.get(10, TimeUnit.SECONDS))
					.isEqualTo("Server: The server is shutting down. Good bye!\n");
			}
			for (EchoStream stream : streams) {
				assertThat(stream.result.get(10, TimeUnit.SECONDS)).as("client %d", stream.id)
					.isEqualTo("end of stream");
			}
			assertThat(Files.readString(log)).contains(
					(ECHO_CLIENTS + GREETING_CLIENTS) + " sessions closed after their last replies, 0 still open");
		}
		finally {
			// Kept for a person reading a failure.
			Files.copy(log, Path.of("target", "drain-it.log"), StandardCopyOption.REPLACE_EXISTING);
			server.destroyForcibly();
			threads.shutdownNow();
		}
	}

	private static int port(Path log, String listener) throws IOException {
		Matcher port = Pattern.compile("  " + listener + " +tcp +\\*:(\\d+)").matcher(Files.readString(log));
		assertThat(port.find()).as("%s in the start-up table", listener).isTrue();
		return Integer.parseInt(port.group(1));
	}

	private static CompletableFuture<String> awaitFarewell(int port, ExecutorService threads) throws IOException {
		Socket socket = connect(port);
		byte[] welcome = socket.getInputStream().readNBytes(WELCOME.length());
		assertThat(new String(welcome, StandardCharsets.UTF_8)).isEqualTo(WELCOME);
		return CompletableFuture.supplyAsync(() -> {
			try (socket) {
				return new String(socket.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
			}
			catch (IOException ex) {
				return ex.toString();
			}
		}, threads);
	}

	private static Socket connect(int port) throws IOException {
		Socket socket = new Socket();
		socket.connect(new InetSocketAddress("127.0.0.1", port), 5000);
		socket.setSoTimeout(60_000);
		return socket;
	}

	/**
	 * One client streaming numbered lines while it reads their echoes, until the server
	 * ends the stream; its result says how it ended.
	 */
	private static final class EchoStream {

		final int id;

		final AtomicLong echoed = new AtomicLong();

		final CompletableFuture<String> result;

		EchoStream(int id, int port, ExecutorService threads) throws IOException {
			this.id = id;
			Socket socket = connect(port);
			threads.execute(() -> write(socket));
			this.result = CompletableFuture.supplyAsync(() -> read(socket), threads);
		}

		private void write(Socket socket) {
			try {
				OutputStream out = socket.getOutputStream();
				for (long n = 0; !socket.isClosed(); n++) {
					out.write(("client " + this.id + " line " + n + "\n").getBytes(StandardCharsets.US_ASCII));
					out.flush();
					// A hundred lines a second each: a steady stream, not a flood that
					// starves the other clients and the server of the machine's two
					// cores.
					Thread.sleep(10);
				}
			}
			catch (IOException ex) {
				// The server closed: no more to send.
			}
			catch (InterruptedException ex) {
				Thread.currentThread().interrupt();
			}
		}

		private String read(Socket socket) {
			try (socket;
					BufferedReader in = new BufferedReader(
							new InputStreamReader(socket.getInputStream(), StandardCharsets.US_ASCII))) {
				String line;
				while ((line = in.readLine()) != null) {
					String expected = "client " + this.id + " line " + this.echoed.get();
					if (!line.equals(expected)) {
						return "expected '" + expected + "' but got '" + line + "'";
					}
					this.echoed.incrementAndGet();
				}
				return "end of stream";
			}
			catch (IOException ex) {
				return "after " + this.echoed.get() + " lines: " + ex;
			}
		}

	}

}
