package io.wharf.bench;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.DatagramPacket;
import java.net.DatagramSocket;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Arrays;
import java.util.EnumMap;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.LongAdder;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.awaitility.Awaitility;

/**
 * Hundreds of clients on every listener for many minutes, each doing one thing after
 * another at random: byte-exact echoes on every framing, half-closes, resets, partial and
 * oversized frames, slow readers, trickles, greetings, connection floods, UDP echoes and
 * datagrams from one of Wharf's own ports. Afterwards the server must be back where it
 * started: no connection open, file descriptors and threads as before, heap after a full
 * GC close to it; and no echoed byte may be missing or wrong.
 */
final class Soak {

	private static final int CLIENTS = 200;

	private static final Pattern ACTIVE = Pattern.compile("(?m)^wharf_connections_active\\{[^}]*} (\\S+)$");

	private final BenchOptions options;

	private final ServerProcess server;

	private final Bench.Ports ports;

	private final Map<Op, LongAdder> done = new EnumMap<>(Op.class);

	private final LongAdder bytesEchoed = new LongAdder();

	private final AtomicLong bytesLost = new AtomicLong();

	private final LongAdder failures = new LongAdder();

	private final LongAdder udpUnanswered = new LongAdder();

	private volatile String firstFailure = "";

	Soak(BenchOptions options, ServerProcess server, Bench.Ports ports) {
		this.options = options;
		this.server = server;
		this.ports = ports;
		Arrays.stream(Op.values()).forEach((op) -> this.done.put(op, new LongAdder()));
	}

	String run() throws Exception {
		echoOnce();
		// The first jcmd starts the JVM's attach listener (a thread and a socket) for
		// good.
		this.server.heapAfterGcKb();
		State before = state();
		long end = System.nanoTime() + TimeUnit.MINUTES.toNanos(this.options.soakMinutes());
		ExecutorService clients = Executors.newFixedThreadPool(CLIENTS);
		for (int i = 0; i < CLIENTS; i++) {
			clients.execute(() -> {
				while (System.nanoTime() < end) {
					one(Op.values()[ThreadLocalRandom.current().nextInt(Op.values().length)]);
				}
			});
		}
		clients.shutdown();
		clients.awaitTermination(this.options.soakMinutes() + 5, TimeUnit.MINUTES);
		Awaitility.await("no connection open").atMost(Duration.ofMinutes(2)).until(() -> active() == 0);
		State after = state();
		String report = report(before, after);
		Files.writeString(this.options.out().resolve("soak.md"), report);
		System.out.println(report);
		return report;
	}

	private void one(Op op) {
		try {
			switch (op) {
				case ECHO_RAW -> echo(this.ports.echoRaw, randomBytes(1, 65_536), false);
				case ECHO_LINE -> echo(this.ports.echoLine, lines(), false);
				case ECHO_FRAMED -> echo(this.ports.echoFramed, framed(), false);
				case HALF_CLOSE -> echo(this.ports.echoRaw, randomBytes(1, 200_000), true);
				case SLOW_READER -> slowReader();
				case TRICKLE -> trickle();
				case RESET -> reset();
				case PARTIAL -> partial();
				case OVERSIZED -> oversized();
				case GREETING -> greeting();
				case FLOOD -> flood();
				case UDP -> udp();
				case UDP_FROM_WHARF_PORT -> udpFromWharfPort();
			}
			this.done.get(op).increment();
		}
		catch (IOException | RuntimeException ex) {
			fail(op + ": " + ex);
		}
	}

	/** Sends bytes while reading their echo; every byte must come back, in order. */
	private void echo(int port, byte[] payload, boolean halfClose) throws IOException {
		try (Socket socket = connect(port)) {
			Thread writer = start(() -> write(socket, payload, halfClose));
			byte[] back = socket.getInputStream().readNBytes(payload.length);
			join(writer);
			if (!Arrays.equals(back, payload)) {
				this.bytesLost.addAndGet(payload.length - matching(back, payload));
				fail("echo on port " + port + ": " + back.length + " of " + payload.length + " bytes back intact");
				return;
			}
			if (halfClose && socket.getInputStream().read() != -1) {
				fail("half-close: the server did not close after the echo");
			}
			this.bytesEchoed.add(payload.length);
		}
	}

	private static void write(Socket socket, byte[] payload, boolean halfClose) {
		try {
			OutputStream out = socket.getOutputStream();
			int offset = 0;
			while (offset < payload.length) {
				int piece = Math.min(payload.length - offset, ThreadLocalRandom.current().nextInt(1, 16_384));
				out.write(payload, offset, piece);
				offset += piece;
			}
			out.flush();
			if (halfClose) {
				socket.shutdownOutput();
			}
		}
		catch (IOException ex) {
			// The reader reports what did not come back.
		}
	}

	private void slowReader() throws IOException {
		byte[] payload = randomBytes(200_000, 400_000);
		try (Socket socket = connect(this.ports.echoRaw)) {
			Thread writer = start(() -> write(socket, payload, false));
			InputStream in = socket.getInputStream();
			ByteArrayOutputStream back = new ByteArrayOutputStream();
			byte[] chunk = new byte[4096];
			while (back.size() < payload.length) {
				int n = in.read(chunk, 0, Math.min(chunk.length, payload.length - back.size()));
				if (n < 0) {
					break;
				}
				back.write(chunk, 0, n);
				pause(2);
			}
			join(writer);
			check("slow reader", payload, back.toByteArray());
		}
	}

	private void trickle() throws IOException {
		byte[] line = ("trickle " + ThreadLocalRandom.current().nextLong() + "\n").getBytes(StandardCharsets.US_ASCII);
		try (Socket socket = connect(this.ports.echoLine)) {
			for (byte b : line) {
				socket.getOutputStream().write(b);
				pause(20);
			}
			check("trickle", line, socket.getInputStream().readNBytes(line.length));
		}
	}

	private void reset() throws IOException {
		Socket socket = connect(this.ports.echoFramed);
		socket.getOutputStream().write(new byte[] { 0, 0, 1, 0, 'x', 'y' });
		socket.setSoLinger(true, 0);
		socket.close();
	}

	private void partial() throws IOException {
		try (Socket socket = connect(this.ports.echoLine)) {
			socket.getOutputStream().write("no end in sight".getBytes(StandardCharsets.US_ASCII));
		}
	}

	private void oversized() throws IOException {
		try (Socket socket = connect(this.ports.echoLine)) {
			Thread writer = start(() -> write(socket, lineOf(70_000), false));
			String answer = new String(socket.getInputStream().readAllBytes(), StandardCharsets.US_ASCII);
			join(writer);
			if (!answer.startsWith("ERROR frame exceeds max-frame-size")) {
				fail("oversized line answered '" + answer + "'");
			}
		}
	}

	private void greeting() throws IOException {
		try (Socket socket = connect(this.ports.greeting)) {
			InputStream in = socket.getInputStream();
			String welcome = "Server: Welcome!\nServer: What's your name";
			check("welcome", welcome.getBytes(StandardCharsets.US_ASCII), in.readNBytes(welcome.length()));
			String name = "n" + ThreadLocalRandom.current().nextInt(1_000_000);
			socket.getOutputStream().write((name + "\nexit\n").getBytes(StandardCharsets.US_ASCII));
			String expected = "Server: Hello " + name + "!\nServer: What's your nameServer: Good bye!\n";
			check("greeting", expected.getBytes(StandardCharsets.US_ASCII), in.readAllBytes());
		}
	}

	private void flood() throws IOException {
		for (int i = 0; i < 50; i++) {
			connect(this.ports.echoRaw).close();
		}
	}

	private void udp() throws IOException {
		try (DatagramSocket socket = new DatagramSocket()) {
			socket.setSoTimeout(1000);
			byte[] payload = randomBytes(0, 1400);
			socket.send(
					new DatagramPacket(payload, payload.length, InetAddress.getLoopbackAddress(), this.ports.echoUdp));
			DatagramPacket reply = new DatagramPacket(new byte[2048], 2048);
			try {
				socket.receive(reply);
				check("udp echo", payload, Arrays.copyOf(reply.getData(), reply.getLength()));
			}
			catch (SocketTimeoutException ex) {
				// UDP may drop; counted, not lost TCP bytes.
				this.udpUnanswered.increment();
			}
		}
	}

	/**
	 * From the UDP port with the number of one of Wharf's TCP listeners: never answered.
	 */
	private void udpFromWharfPort() throws IOException {
		try (DatagramSocket socket = new DatagramSocket(null)) {
			socket.setReuseAddress(true);
			socket.bind(new InetSocketAddress(InetAddress.getLoopbackAddress(), this.ports.echoLine));
			socket.setSoTimeout(200);
			socket.send(new DatagramPacket(new byte[] { 1 }, 1, InetAddress.getLoopbackAddress(), this.ports.echoUdp));
			socket.receive(new DatagramPacket(new byte[16], 16));
			fail("a datagram from Wharf's own port number was answered");
		}
		catch (SocketTimeoutException ex) {
			// Not answered, as it must be.
		}
		catch (java.net.BindException ex) {
			// Another client of this soak holds that port right now.
		}
	}

	private void check(String what, byte[] expected, byte[] actual) {
		if (!Arrays.equals(expected, actual)) {
			this.bytesLost.addAndGet(expected.length - matching(actual, expected));
			fail(what + ": " + actual.length + " of " + expected.length + " bytes back intact");
		}
		else {
			this.bytesEchoed.add(expected.length);
		}
	}

	private static int matching(byte[] actual, byte[] expected) {
		int same = 0;
		while (same < Math.min(actual.length, expected.length) && actual[same] == expected[same]) {
			same++;
		}
		return same;
	}

	private void fail(String what) {
		this.failures.increment();
		if (this.firstFailure.isEmpty()) {
			this.firstFailure = what;
		}
	}

	private static Socket connect(int port) throws IOException {
		Socket socket = new Socket();
		socket.connect(new InetSocketAddress(InetAddress.getLoopbackAddress(), port), 5000);
		socket.setSoTimeout(60_000);
		return socket;
	}

	private static byte[] randomBytes(int min, int max) {
		byte[] bytes = new byte[ThreadLocalRandom.current().nextInt(min, max + 1)];
		ThreadLocalRandom.current().nextBytes(bytes);
		return bytes;
	}

	private static byte[] lines() {
		StringBuilder lines = new StringBuilder();
		int count = ThreadLocalRandom.current().nextInt(1, 200);
		for (int i = 0; i < count; i++) {
			lines.append("line ")
				.append(i)
				.append(' ')
				.append("x".repeat(ThreadLocalRandom.current().nextInt(500)))
				.append(ThreadLocalRandom.current().nextBoolean() ? "\n" : "\r\n");
		}
		return lines.toString().getBytes(StandardCharsets.US_ASCII);
	}

	private static byte[] lineOf(int length) {
		byte[] line = new byte[length + 1];
		Arrays.fill(line, (byte) 'y');
		line[length] = '\n';
		return line;
	}

	private static byte[] framed() {
		ByteArrayOutputStream frames = new ByteArrayOutputStream();
		int count = ThreadLocalRandom.current().nextInt(1, 50);
		for (int i = 0; i < count; i++) {
			byte[] payload = randomBytes(0, 4096);
			frames.writeBytes(ByteBuffer.allocate(4).putInt(payload.length).array());
			frames.writeBytes(payload);
		}
		return frames.toByteArray();
	}

	private static void pause(long millis) {
		try {
			Thread.sleep(millis);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
		}
	}

	private static Thread start(Runnable task) {
		Thread thread = new Thread(task, "soak-writer");
		thread.setDaemon(true);
		thread.start();
		return thread;
	}

	private static void join(Thread thread) {
		try {
			thread.join(TimeUnit.MINUTES.toMillis(1));
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
		}
	}

	private void echoOnce() throws IOException {
		echo(this.ports.echoRaw, new byte[] { 1, 2, 3 }, false);
	}

	private double active() throws IOException, InterruptedException {
		String scrape = HttpClient.newHttpClient()
			.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + this.ports.http + "/actuator/prometheus"))
				.build(), HttpResponse.BodyHandlers.ofString())
			.body();
		Matcher matcher = ACTIVE.matcher(scrape);
		double sum = 0;
		while (matcher.find()) {
			sum += Double.parseDouble(matcher.group(1));
		}
		return sum;
	}

	private State state() throws IOException, InterruptedException {
		long descriptors;
		try (var fds = Files.list(Path.of("/proc", Long.toString(this.server.pid()), "fd"))) {
			descriptors = fds.count();
		}
		return new State(descriptors, this.server.threads(), this.server.heapAfterGcKb(), active());
	}

	private String report(State before, State after) {
		StringBuilder report = new StringBuilder("## Soak: " + this.options.soakMinutes() + " minutes, " + CLIENTS
				+ " clients\n\n| | before | after |\n|---|---|---|\n");
		report.append("| open connections | ")
			.append((long) before.active())
			.append(" | ")
			.append((long) after.active())
			.append(" |\n| file descriptors | ")
			.append(before.descriptors())
			.append(" | ")
			.append(after.descriptors())
			.append(" |\n| threads | ")
			.append(before.threads())
			.append(" | ")
			.append(after.threads())
			.append(" |\n| heap after full GC | ")
			.append(before.heapKb() / 1024)
			.append(" MB | ")
			.append(after.heapKb() / 1024)
			.append(" MB |\n\n");
		report.append("| operation | done |\n|---|---|\n");
		this.done.forEach((op, count) -> report.append("| ")
			.append(op.name().toLowerCase())
			.append(" | ")
			.append(count.sum())
			.append(" |\n"));
		report.append("\nBytes echoed and checked: ")
			.append(this.bytesEchoed.sum())
			.append("; bytes lost: ")
			.append(this.bytesLost.get())
			.append("; failed operations: ")
			.append(this.failures.sum())
			.append(this.firstFailure.isEmpty() ? "" : " (first: " + this.firstFailure + ")")
			.append("; UDP echoes unanswered (UDP may drop): ")
			.append(this.udpUnanswered.sum())
			.append('\n');
		return report.toString();
	}

	private record State(long descriptors, long threads, long heapKb, double active) {

	}

	private enum Op {

		ECHO_RAW, ECHO_LINE, ECHO_FRAMED, HALF_CLOSE, SLOW_READER, TRICKLE, RESET, PARTIAL, OVERSIZED, GREETING, FLOOD,
		UDP, UDP_FROM_WHARF_PORT

	}

}
