package io.wharf.transport.udp;

import java.io.IOException;
import java.net.DatagramPacket;
import java.net.DatagramSocket;
import java.net.InetAddress;
import java.net.SocketTimeoutException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

import io.micrometer.core.instrument.FunctionCounter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.search.Search;
import io.wharf.Python;
import io.wharf.api.Answer;
import io.wharf.api.Datagram;
import io.wharf.api.SocketService;
import io.wharf.transport.Listeners;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;
import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assumptions.abort;

/**
 * UDP listeners as an attacker probes them: forged sources, loops, floods and
 * amplification; and as a legitimate client uses them, which these controls leave be. The
 * clients are on loopback, which is exempt from the per-source limits by default, so no
 * listener here exempts anyone.
 */
@SpringBootTest(properties = { "wharf.listeners.greeting-tcp.enabled=false",
		"wharf.listeners.greeting-udp.enabled=false", "wharf.listeners.echo-tcp.enabled=false",
		"wharf.listeners.echo-udp.enabled=false", "wharf.listeners.echo-line.enabled=false",
		"wharf.listeners.echo-framed.enabled=false", "wharf.listeners.loop-echo.protocol=udp",
		"wharf.listeners.loop-echo.port=0", "wharf.listeners.loop-echo.service=echo",
		"wharf.listeners.loop-greeting.protocol=udp", "wharf.listeners.loop-greeting.port=0",
		"wharf.listeners.loop-greeting.service=greeting", "wharf.listeners.limited.protocol=udp",
		"wharf.listeners.limited.port=0", "wharf.listeners.limited.service=echo",
		"wharf.listeners.limited.datagram-rate=1", "wharf.listeners.limited.datagram-burst=3",
		"wharf.listeners.stingy.protocol=udp", "wharf.listeners.stingy.port=0",
		"wharf.listeners.stingy.service=greeting", "wharf.listeners.stingy.amplification-allowance=50B",
		"wharf.listeners.stingy.max-amplification=1", "wharf.listeners.timely.protocol=udp",
		"wharf.listeners.timely.port=0", "wharf.listeners.timely.service=time", "wharf.listeners.echoing.protocol=udp",
		"wharf.listeners.echoing.port=0", "wharf.listeners.echoing.service=echo",
		"wharf.listener-defaults.exempt-clients=", "wharf.listeners.stalled.protocol=udp",
		"wharf.listeners.stalled.port=0", "wharf.listeners.stalled.service=stall",
		"wharf.listeners.stalled.receive-buffer-size=8KB" })
@Import(UdpSafetyTests.Stall.class)
@ExtendWith(OutputCaptureExtension.class)
class UdpSafetyTests {

	@Autowired
	private Listeners listeners;

	@Autowired
	private MeterRegistry registry;

	@Autowired
	private Stall stall;

	@Test
	void aDatagramForgedFromAnotherListenerStartsNoLoop(CapturedOutput output) throws Exception {
		int echo = this.listeners.port("loop-echo");
		int greeting = this.listeners.port("loop-greeting");
		spoof(greeting, echo, "Michael");
		await().atMost(Duration.ofSeconds(10)).until(() -> dropped("loop-echo", "wharf_port") == 1);
		// The echo decided not to answer, so the greeting never hears from it.
		assertThat(count("wharf.messages.received", "loop-greeting")).isZero();
		assertThat(count("wharf.messages.sent", "loop-echo")).isZero();
		assertThat(output).contains("Listener 'loop-echo' dropped a 7 byte datagram from /127.0.0.1:" + greeting)
			.contains("one of Wharf's own listener ports");
	}

	@Test
	void wellKnownServicesAndPortZeroAreNeverAnswered() throws Exception {
		int greeting = this.listeners.port("loop-greeting");
		for (int source : new int[] { 7, 19, 0 }) {
			spoof(source, greeting, "x");
		}
		await().atMost(Duration.ofSeconds(10)).until(() -> dropped("loop-greeting", "reserved_port") == 3);
		assertThat(count("wharf.messages.received", "loop-greeting")).isZero();
	}

	@Test
	void aSourceOverItsRateIsDroppedAndCounted() throws IOException {
		int port = this.listeners.port("limited");
		long start = System.nanoTime();
		try (DatagramSocket client = new DatagramSocket()) {
			for (int i = 0; i < 10; i++) {
				send(client, port, "ping " + i);
			}
			await().atMost(Duration.ofSeconds(10))
				.until(() -> count("wharf.messages.received", "limited") + dropped("limited", "rate_limited") == 10);
		}
		double elapsedSeconds = (System.nanoTime() - start) / 1e9;
		double delivered = count("wharf.messages.received", "limited");
		assertThat(delivered).isGreaterThanOrEqualTo(3).isLessThanOrEqualTo(3 + Math.ceil(elapsedSeconds));
	}

	@Test
	void theGreetingAnswersWithinItsAmplificationBudget(CapturedOutput output) throws IOException {
		int port = this.listeners.port("stingy");
		try (DatagramSocket client = new DatagramSocket()) {
			client.setSoTimeout(10_000);
			send(client, port, "a");
			assertThat(receive(client)).isEqualTo("Server: Hello a!\nServer: What's your name");
			send(client, port, "b");
			await().atMost(Duration.ofSeconds(10)).until(() -> dropped("stingy", "amplification") == 1);
		}
		assertThat(output).contains("Listener 'stingy' dropped a 41 byte reply to /127.0.0.1:")
			.contains("max-amplification");
	}

	@Test
	void aShortRequestWithALongerReplyIsAnsweredEveryTimeInABurst() throws IOException {
		int port = this.listeners.port("timely");
		try (DatagramSocket client = new DatagramSocket()) {
			client.setSoTimeout(10_000);
			for (int i = 0; i < 60; i++) {
				send(client, port, "TIME");
			}
			for (int i = 0; i < 60; i++) {
				assertThat(receive(client)).as("answer %d", i).hasSize(30);
			}
		}
		assertThat(dropped("timely", "amplification")).isZero();
	}

	@Test
	void aOneByteGreetingDatagramIsAnswered() throws IOException {
		int port = this.listeners.port("loop-greeting");
		try (DatagramSocket client = new DatagramSocket()) {
			client.setSoTimeout(10_000);
			for (int i = 0; i < 5; i++) {
				send(client, port, "x");
				assertThat(receive(client)).isEqualTo("Server: Hello x!\nServer: What's your name");
			}
		}
	}

	@Test
	void anEchoLoopWithAnotherEchoServerStopsWithinASecond(CapturedOutput output) throws Exception {
		int port = this.listeners.port("echoing");
		AtomicLong echoedBack = new AtomicLong();
		try (DatagramSocket peer = new DatagramSocket()) {
			// An echo server on an ordinary port, tricked into writing to Wharf first.
			Thread server = new Thread(() -> {
				DatagramPacket packet = new DatagramPacket(new byte[2048], 2048);
				while (!peer.isClosed()) {
					try {
						packet.setLength(2048);
						peer.receive(packet);
						peer.send(new DatagramPacket(packet.getData(), packet.getLength(), packet.getSocketAddress()));
						echoedBack.incrementAndGet();
					}
					catch (IOException ex) {
						return;
					}
				}
			}, "peer-echo");
			server.start();
			send(peer, port, "round and round");
			await().atMost(Duration.ofSeconds(10)).until(() -> dropped("echoing", "loop") >= 1);
			// Nothing more comes back (the count stays put from one look to the next):
			// the
			// loop is over, after about the reflections the guard counts, which a loop
			// runs
			// through as fast as its round trip, well within a second.
			AtomicLong previous = new AtomicLong(-1);
			await().pollInterval(Duration.ofMillis(200))
				.atMost(Duration.ofSeconds(10))
				.until(() -> echoedBack.get() == previous.getAndSet(echoedBack.get()));
			assertThat(echoedBack.get()).isLessThan(10L * LoopGuard.REFLECTIONS);
		}
		assertThat(output).contains("Listener 'echoing' stops answering /127.0.0.1:")
			.contains("which is a loop with another server that answers back");
	}

	@Test
	void datagramsTheKernelDropsAreCounted() throws Exception {
		int port = this.listeners.port("stalled");
		try (DatagramSocket client = new DatagramSocket()) {
			send(client, port, "first");
			assertThat(this.stall.holding.await(10, TimeUnit.SECONDS)).isTrue();
			byte[] kilobyte = new byte[1024];
			for (int i = 0; i < 200; i++) {
				client.send(new DatagramPacket(kilobyte, kilobyte.length, InetAddress.getLoopbackAddress(), port));
			}
			FunctionCounter kernel = Search.in(this.registry)
				.name("wharf.datagrams.dropped")
				.tags("listener", "stalled", "reason", "kernel")
				.functionCounter();
			assertThat(kernel).isNotNull();
			await().atMost(Duration.ofSeconds(10)).until(() -> kernel.count() > 0);
		}
		finally {
			this.stall.release.countDown();
		}
	}

	private double dropped(String listener, String reason) {
		return Search.in(this.registry)
			.name("wharf.datagrams.dropped")
			.tags("listener", listener, "reason", reason)
			.counter()
			.count();
	}

	private double count(String meter, String listener) {
		return Search.in(this.registry).name(meter).tag("listener", listener).counter().count();
	}

	private static void send(DatagramSocket client, int port, String text) throws IOException {
		byte[] bytes = text.getBytes(StandardCharsets.UTF_8);
		client.send(new DatagramPacket(bytes, bytes.length, InetAddress.getLoopbackAddress(), port));
	}

	private static String receive(DatagramSocket client) throws IOException {
		DatagramPacket packet = new DatagramPacket(new byte[2048], 2048);
		try {
			client.receive(packet);
		}
		catch (SocketTimeoutException ex) {
			fail("no reply in 10 seconds");
		}
		return new String(packet.getData(), 0, packet.getLength(), StandardCharsets.UTF_8);
	}

	/** Forges a datagram's source port with a raw socket, which needs root. */
	private static void spoof(int source, int destination, String payload) throws Exception {
		Python.require();
		Python.Result result = Python.run(Map.of(), "", "src/test/python/spoofed_datagram.py", Integer.toString(source),
				Integer.toString(destination), payload);
		if (result.exitCode() == 77) {
			if ("true".equals(System.getenv("CI")) || Boolean.getBoolean("wharf.root.required")) {
				fail("forging a datagram needs root (CI runs as root): " + result.output());
			}
			abort("forging a datagram needs root; CI runs these tests as root");
		}
		assertThat(result.exitCode()).as(result.output()).isZero();
	}

	/** A service that holds the listener's only receiving thread until released. */
	@TestConfiguration(proxyBeanMethods = false)
	static class Stall {

		/**
		 * The RFC 868-like time service of a device fleet: a 4-byte request, a 30-byte
		 * answer.
		 */
		@Bean("time")
		SocketService<Void> time() {
			return new SocketService<>() {

				@Override
				public void datagram(Datagram datagram, Answer answer) {
					answer.send("2026-12-03T12:00:00.000000000Z");
				}

			};
		}

		final CountDownLatch holding = new CountDownLatch(1);

		final CountDownLatch release = new CountDownLatch(1);

		@Bean("stall")
		SocketService<Void> stall() {
			return new SocketService<>() {

				@Override
				public void received(io.wharf.api.Session session, Void state, byte[] frame, Answer answer) {
				}

				@Override
				public void datagram(Datagram datagram, Answer answer) {
					Stall.this.holding.countDown();
					try {
						Stall.this.release.await(30, TimeUnit.SECONDS);
					}
					catch (InterruptedException ex) {
						Thread.currentThread().interrupt();
					}
				}

			};
		}

	}

}
