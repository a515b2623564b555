package io.wharf.transport;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
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
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.LongFunction;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import io.wharf.PackagedJar;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The packaged server stopped as Kubernetes stops it, with SIGTERM, while 100 clients
 * stream lines to the echo, 20 stream 1 KB chunks to the raw echo and 50 wait in the
 * greeting: every byte the server read is echoed and arrives (no reset destroys it), per
 * session by the server's own count and by the client's, every greeting session hears the
 * shutdown farewell, the drain's summary reports 0 bytes read and not answered, and the
 * process exits with 0 well within the drain timeout.
 */
class DrainIT {

	private static final int ECHO_CLIENTS = 100;

	private static final int GREETING_CLIENTS = 50;

	private static final int RAW_CLIENTS = 20;

	/** A session's line: its client's port, and the bytes it received and sent. */
	private static final Pattern SESSION = Pattern
		.compile("Listener 'echo-tcp' session \\S+ from [^ ]+:(\\d+) closed \\(shutdown\\) after \\d+ ms: "
				+ "received \\d+ messages / (\\d+) bytes, sent \\d+ messages / (\\d+) bytes");

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
				"--wharf.listeners.echo-framed.port=0",
				// Every session's line, even those held back to DEBUG by the throttle.
				"--logging.level.io.wharf.transport.tcp.connection.ConnectionLog=debug")
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
			int raw = port(log, "echo-tcp");
			List<CompletableFuture<String>> farewells = new ArrayList<>();
			for (int i = 0; i < GREETING_CLIENTS; i++) {
				farewells.add(awaitFarewell(greeting, threads));
			}
			List<EchoStream> streams = new ArrayList<>();
			for (int i = 0; i < ECHO_CLIENTS; i++) {
				streams.add(new EchoStream(i, echo, threads));
			}
			List<RawStream> raws = new ArrayList<>();
			for (int i = 0; i < RAW_CLIENTS; i++) {
				raws.add(new RawStream(raw, threads));
			}
			await().atMost(Duration.ofSeconds(30))
				.failFast(() -> streams.stream().anyMatch((s) -> s.result.isDone())
						|| raws.stream().anyMatch((s) -> s.result.isDone()))
				.until(() -> streams.stream().allMatch((s) -> s.echoed.get() > 10)
						&& raws.stream().allMatch((s) -> s.echoed.get() > 10 * RawStream.CHUNK));
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
			Map<Integer, long[]> sessions = new HashMap<>();
			Matcher line = SESSION.matcher(Files.readString(log));
			while (line.find()) {
				sessions.put(Integer.parseInt(line.group(1)),
						new long[] { Long.parseLong(line.group(2)), Long.parseLong(line.group(3)) });
			}
			for (RawStream stream : raws) {
				assertThat(stream.result.get(10, TimeUnit.SECONDS)).isEqualTo("end of stream");
				long[] counted = sessions.get(stream.localPort);
				assertThat(counted).as("the session of the client on port %d", stream.localPort).isNotNull();
				assertThat(counted[1]).as("sent, as the server counts it, against received").isEqualTo(counted[0]);
				assertThat(stream.echoed.get()).as("echoed, as the client counts it").isEqualTo(counted[1]);
			}
			assertThat(Files.readString(log)).contains((ECHO_CLIENTS + RAW_CLIENTS + GREETING_CLIENTS)
					+ " sessions closed after their last replies, 0 still open at the drain timeout were closed; "
					+ "0 bytes read and not answered");
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
	 * Writes the next piece of a stream, a hundred a second, until the server closes: a
	 * steady stream, not a flood that starves the other clients and the server of the
	 * machine's two cores.
	 */
	private static void stream(Socket socket, LongFunction<byte[]> piece) {
		try {
			OutputStream out = socket.getOutputStream();
			for (long n = 0; !socket.isClosed(); n++) {
				out.write(piece.apply(n));
				out.flush();
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
			stream(socket, (n) -> ("client " + this.id + " line " + n + "\n").getBytes(StandardCharsets.US_ASCII));
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

	/**
	 * One client streaming 1 KB chunks of a running byte sequence to the raw echo while
	 * it reads their echoes, checking every byte, until the server ends the stream.
	 */
	private static final class RawStream {

		static final int CHUNK = 1024;

		final int localPort;

		final AtomicLong echoed = new AtomicLong();

		final CompletableFuture<String> result;

		RawStream(int port, ExecutorService threads) throws IOException {
			Socket socket = connect(port);
			this.localPort = socket.getLocalPort();
			threads.execute(() -> write(socket));
			this.result = CompletableFuture.supplyAsync(() -> read(socket), threads);
		}

		private static byte at(long position) {
			return (byte) (position % 251);
		}

		private void write(Socket socket) {
			byte[] chunk = new byte[CHUNK];
			stream(socket, (n) -> {
				for (int i = 0; i < CHUNK; i++) {
					chunk[i] = at(n * CHUNK + i);
				}
				return chunk;
			});
		}

		private String read(Socket socket) {
			try (socket) {
				InputStream in = socket.getInputStream();
				byte[] buffer = new byte[8192];
				for (int n = in.read(buffer); n >= 0; n = in.read(buffer)) {
					for (int i = 0; i < n; i++) {
						long position = this.echoed.get();
						if (buffer[i] != at(position)) {
							return "byte " + position + " is " + buffer[i] + ", not " + at(position);
						}
						this.echoed.incrementAndGet();
					}
				}
				return "end of stream";
			}
			catch (IOException ex) {
				return "after " + this.echoed.get() + " bytes: " + ex;
			}
		}

	}

}
