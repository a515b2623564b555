package io.wharf.transport.tcp;

import java.io.IOException;
import java.io.InputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.search.Search;
import io.wharf.transport.Listeners;
import io.wharf.transport.tcp.connection.ConnectionLog;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Who may connect, and how many: each limit refuses over-limit clients with a line on
 * line framing, counts them by cause, and lets everyone else in. The clients here are on
 * loopback, which is exempt from the per-client limits by default, so the listeners that
 * test those limits exempt no one; {@code exempted} and {@code observed} keep the
 * defaults' exemption and observe only.
 */
@SpringBootTest(properties = { "wharf.listeners.greeting-tcp.enabled=false",
		"wharf.listeners.greeting-udp.enabled=false", "wharf.listeners.echo-tcp.enabled=false",
		"wharf.listeners.echo-udp.enabled=false", "wharf.listeners.echo-line.enabled=false",
		"wharf.listeners.echo-framed.enabled=false", "wharf.max-connections=300", "wharf.listeners.exact.protocol=tcp",
		"wharf.listeners.exact.port=0", "wharf.listeners.exact.service=greeting",
		"wharf.listeners.exact.framing.type=line", "wharf.listeners.exact.max-connections=100",
		"wharf.listeners.exact.connection-rate-per-client=0", "wharf.listeners.crowd.protocol=tcp",
		"wharf.listeners.crowd.port=0", "wharf.listeners.crowd.service=greeting",
		"wharf.listeners.crowd.framing.type=line", "wharf.listeners.crowd.connection-rate-per-client=0",
		"wharf.listeners.crowd.max-connections-per-client=0", "wharf.listeners.crowd.max-connections-per-prefix=0",
		"wharf.listeners.few.protocol=tcp", "wharf.listeners.few.port=0", "wharf.listeners.few.service=greeting",
		"wharf.listeners.few.framing.type=line", "wharf.listeners.few.max-connections-per-client=3",
		"wharf.listeners.few.max-connections-per-prefix=4", "wharf.listeners.slow.protocol=tcp",
		"wharf.listeners.slow.port=0", "wharf.listeners.slow.service=greeting",
		"wharf.listeners.slow.framing.type=line", "wharf.listeners.slow.connection-rate-per-client=1",
		"wharf.listeners.slow.connection-burst-per-client=2", "wharf.listeners.guarded.protocol=tcp",
		"wharf.listeners.guarded.port=0", "wharf.listeners.guarded.service=greeting",
		"wharf.listeners.guarded.framing.type=line", "wharf.listeners.guarded.allow=127.0.0.0/8",
		"wharf.listeners.guarded.deny=127.0.0.66/32", "wharf.listener-defaults.exempt-clients=",
		"wharf.listeners.exempted.protocol=tcp", "wharf.listeners.exempted.port=0",
		"wharf.listeners.exempted.service=greeting", "wharf.listeners.exempted.framing.type=line",
		"wharf.listeners.exempted.max-connections-per-client=1", "wharf.listeners.exempted.exempt-clients=127.0.0.0/8",
		"wharf.listeners.observed.protocol=tcp", "wharf.listeners.observed.port=0",
		"wharf.listeners.observed.service=greeting", "wharf.listeners.observed.framing.type=line",
		"wharf.listeners.observed.max-connections-per-client=1", "wharf.listeners.observed.client-limits=observe" })
@ExtendWith(OutputCaptureExtension.class)
class AdmissionTests {

	private static final String WELCOME = "Server: Welcome!\n";

	private static final String BUSY = "Server: busy, try again later\n";

	@Autowired
	private Listeners listeners;

	@Autowired
	private MeterRegistry registry;

	private final List<Socket> held = new CopyOnWriteArrayList<>();

	@AfterEach
	void closeClients() throws IOException {
		for (Socket socket : this.held) {
			socket.close();
		}
		this.held.clear();
		await().atMost(Duration.ofSeconds(20))
			.until(() -> Search.in(this.registry)
				.name("wharf.connections.active")
				.gauges()
				.stream()
				.mapToDouble((gauge) -> gauge.value())
				.sum() == 0);
	}

	@Test
	void maxConnectionsIsExactUnderConcurrency() throws Exception {
		int port = this.listeners.port("exact");
		ExecutorService pool = Executors.newFixedThreadPool(50);
		try {
			List<Future<String>> firstLines = new ArrayList<>();
			for (int i = 0; i < 300; i++) {
				firstLines.add(pool.submit((Callable<String>) () -> firstLine(connect("127.0.0.1", port))));
			}
			int welcomed = 0;
			int busy = 0;
			for (Future<String> line : firstLines) {
				String first = line.get();
				welcomed += first.equals(WELCOME) ? 1 : 0;
				busy += first.equals(BUSY) ? 1 : 0;
			}
			assertThat(welcomed).isEqualTo(100);
			assertThat(busy).isEqualTo(200);
			assertThat(rejected("exact", "max_connections")).isEqualTo(200);
		}
		finally {
			pool.shutdownNow();
		}
	}

	@Test
	void oneAddressAndOneNetworkHoldOnlyTheirShare(CapturedOutput output) throws Exception {
		int port = this.listeners.port("few");
		for (int i = 0; i < 3; i++) {
			assertThat(firstLine(connect("127.0.0.1", port))).isEqualTo(WELCOME);
		}
		assertThat(firstLine(connect("127.0.0.1", port))).isEqualTo(BUSY);
		assertThat(rejected("few", "per_client")).isEqualTo(1);
		// 127.0.0.2 is another address in the same /24.
		assertThat(firstLine(connect("127.0.0.2", port))).isEqualTo(WELCOME);
		assertThat(firstLine(connect("127.0.0.2", port))).isEqualTo(BUSY);
		assertThat(rejected("few", "per_prefix")).isEqualTo(1);
		// A slot given back is a slot to take.
		this.held.remove(0).close();
		await().atMost(Duration.ofSeconds(10)).until(() -> firstLine(connect("127.0.0.1", port)).equals(WELCOME));
		assertThat(output).contains("Listener 'few' refused a connection from /127.0.0.1:")
			.contains("the address holds 3 connections, the most wharf.listeners.few.max-connections-per-client allows")
			.contains("add its network to wharf.listeners.few.exempt-clients")
			.contains("counted in wharf_connections_rejected_total{cause=\"per_client\"}");
		assertThat(exceeded("few", "per_client", "refused")).isEqualTo(1);
	}

	@Test
	void anExemptClientIsCountedButNeverRefused() throws Exception {
		int port = this.listeners.port("exempted");
		for (int i = 0; i < 3; i++) {
			assertThat(firstLine(connect("127.0.0.1", port))).isEqualTo(WELCOME);
		}
		assertThat(rejected("exempted", "per_client")).isZero();
		assertThat(exceeded("exempted", "per_client", "exempt")).isEqualTo(2);
	}

	@Test
	void observedLimitsRefuseNobodyButCountAndSayWhatTheyWouldHaveDone(CapturedOutput output) throws Exception {
		int port = this.listeners.port("observed");
		for (int i = 0; i < 3; i++) {
			assertThat(firstLine(connect("127.0.0.1", port))).isEqualTo(WELCOME);
		}
		assertThat(rejected("observed", "per_client")).isZero();
		assertThat(exceeded("observed", "per_client", "observed")).isEqualTo(2);
		assertThat(output).contains("Listener 'observed' would have refused a connection from 127.0.0.1")
			.contains("client-limits is observe");
	}

	private double exceeded(String listener, String limit, String action) {
		Counter counter = Search.in(this.registry)
			.name("wharf.client.limits.exceeded")
			.tags("listener", listener, "limit", limit, "action", action)
			.counter();
		return (counter != null) ? counter.count() : 0;
	}

	@Test
	void aClientConnectingTooFastIsRefused() throws Exception {
		int port = this.listeners.port("slow");
		long start = System.nanoTime();
		int welcomed = 0;
		for (int i = 0; i < 6; i++) {
			Socket socket = connect("127.0.0.1", port);
			welcomed += firstLine(socket).equals(WELCOME) ? 1 : 0;
			socket.close();
		}
		double elapsedSeconds = (System.nanoTime() - start) / 1e9;
		// A burst of 2, then 1 per second.
		assertThat(welcomed).isGreaterThanOrEqualTo(2).isLessThanOrEqualTo(2 + (int) Math.floor(elapsedSeconds));
		assertThat(rejected("slow", "client_rate")).isEqualTo(6 - welcomed);
	}

	@Test
	void deniedAddressesAreClosedWithoutAWord() throws Exception {
		int port = this.listeners.port("guarded");
		assertThat(firstLine(connect("127.0.0.1", port))).isEqualTo(WELCOME);
		assertThat(firstLine(connect("127.0.0.66", port))).isEmpty();
		assertThat(rejected("guarded", "denied")).isEqualTo(1);
	}

	@Test
	void theProcessCapHoldsAcrossListeners() throws Exception {
		int crowd = this.listeners.port("crowd");
		int exact = this.listeners.port("exact");
		for (int i = 0; i < 250; i++) {
			assertThat(firstLine(connect("127.0.0.1", crowd))).isEqualTo(WELCOME);
		}
		for (int i = 0; i < 50; i++) {
			assertThat(firstLine(connect("127.0.0.1", exact))).isEqualTo(WELCOME);
		}
		assertThat(firstLine(connect("127.0.0.1", crowd))).isEqualTo(BUSY);
		assertThat(firstLine(connect("127.0.0.1", exact))).isEqualTo(BUSY);
		assertThat(rejected("crowd", "process_limit") + rejected("exact", "process_limit")).isEqualTo(2);
	}

	@Test
	void aFloodOfConnectionsWritesAFewSessionLinesASecond(CapturedOutput output) throws Exception {
		int port = this.listeners.port("crowd");
		double before = closed("crowd");
		long start = System.nanoTime();
		for (int i = 0; i < 500; i++) {
			try (Socket socket = connect("127.0.0.1", port)) {
				firstLine(socket);
			}
		}
		await().atMost(Duration.ofSeconds(20)).until(() -> closed("crowd") - before == 500);
		double seconds = (System.nanoTime() - start) / 1e9;
		long lines = output.toString()
			.lines()
			.filter((line) -> line.contains(" INFO ") && line.contains("Listener 'crowd' session"))
			.count();
		// The other lines went to DEBUG; the meters counted every session.
		assertThat(lines)
			.isLessThanOrEqualTo((long) (ConnectionLog.SESSION_LINES_PER_SECOND * (Math.ceil(seconds) + 1)));
	}

	private Socket connect(String from, int port) throws IOException {
		Socket socket = new Socket();
		this.held.add(socket);
		socket.bind(new InetSocketAddress(InetAddress.getByName(from), 0));
		socket.connect(new InetSocketAddress(InetAddress.getLoopbackAddress(), port), 5000);
		socket.setSoTimeout(5000);
		return socket;
	}

	/** The first line the server sends, or nothing if it closes without a word. */
	private static String firstLine(Socket socket) throws IOException {
		InputStream in = socket.getInputStream();
		StringBuilder line = new StringBuilder();
		int b;
		try {
			while ((b = in.read()) >= 0) {
				line.append((char) b);
				if (b == '\n') {
					break;
				}
			}
		}
		catch (IOException ex) {
			// Reset by the server: nothing more was said.
		}
		return new String(line.toString().getBytes(StandardCharsets.ISO_8859_1), StandardCharsets.UTF_8);
	}

	private double closed(String listener) {
		return Search.in(this.registry)
			.name("wharf.connections.closed")
			.tag("listener", listener)
			.counters()
			.stream()
			.mapToDouble((counter) -> counter.count())
			.sum();
	}

	private double rejected(String listener, String cause) {
		return Search.in(this.registry)
			.name("wharf.connections.rejected")
			.tags("listener", listener, "cause", cause)
			.counter()
			.count();
	}

}
