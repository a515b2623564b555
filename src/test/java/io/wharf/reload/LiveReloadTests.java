package io.wharf.reload;

import java.io.IOException;
import java.net.DatagramPacket;
import java.net.DatagramSocket;
import java.net.InetAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicInteger;

import io.micrometer.core.instrument.MeterRegistry;
import io.wharf.WharfApplication;
import io.wharf.WireClient;
import io.wharf.transport.Listeners;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.context.ConfigurableApplicationContext;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The mounted configuration of a running Wharf changes: a new listener answers, a removed
 * one drains with the greeting's farewell, a changed one is bound anew, one whose
 * timeouts alone changed holds its open session to the new idle timeout without a drain,
 * one whose per-client limit dropped refuses a connection over it while its open ones go
 * on, an invalid change is refused and the running listeners kept, and a client of an
 * untouched listener is answered throughout on the same connection.
 */
@ExtendWith(OutputCaptureExtension.class)
class LiveReloadTests {

	/** The server's own listeners, off: only the file's run. */
	private static final String DEFAULTS_OFF = """
			    greeting-tcp: {enabled: false}
			    greeting-udp: {enabled: false}
			    echo-tcp: {enabled: false}
			    echo-udp: {enabled: false}
			    echo-line: {enabled: false}
			    echo-framed: {enabled: false}
			""";

	@TempDir
	private Path directory;

	@Test
	void listenersChangeWhileAnUntouchedListenersClientGoesOn(CapturedOutput output) throws Exception {
		Path file = this.directory.resolve("application.yml");
		write(file, """
				    kept: {protocol: tcp, port: 0, service: echo, framing: {type: line}}
				    leaving: {protocol: tcp, port: 0, service: greeting, framing: {type: raw}}
				    changing: {protocol: tcp, port: 0, service: echo, framing: {type: line}}
				    timed: {protocol: tcp, port: 0, service: echo, framing: {type: line}, idle-timeout: 1h}
				""");
		try (ConfigurableApplicationContext context = start(file)) {
			Listeners listeners = context.getBean(Listeners.class);
			MeterRegistry registry = context.getBean(MeterRegistry.class);
			AtomicInteger echoes = new AtomicInteger();
			try (WireClient kept = WireClient.connect(listeners.port("kept"));
					WireClient leaving = WireClient.connect(listeners.port("leaving"));
					WireClient timed = WireClient.connect(listeners.port("timed"))) {
				echo(kept, echoes);
				echo(timed, new AtomicInteger());
				leaving.readText("Server: Welcome!\nServer: What's your name");
				int changingPort = listeners.port("changing");

				write(file, """
						    kept: {protocol: tcp, port: 0, service: echo, framing: {type: line}}
						    changing: {protocol: tcp, port: 0, service: echo, framing: {type: raw}}
						    added: {protocol: tcp, port: 0, service: echo, framing: {type: line}}
						    timed: {protocol: tcp, port: 0, service: echo, framing: {type: line}, idle-timeout: 1s}
						""");
				await().atMost(Duration.ofSeconds(20)).until(() -> {
					echo(kept, echoes);
					return output.getOut().contains("Listener configuration changed");
				});
				assertThat(new String(leaving.readToEnd(), StandardCharsets.US_ASCII))
					.isEqualTo("Server: The server is shutting down. Good bye!\n");
				try (WireClient added = WireClient.connect(listeners.port("added"))) {
					assertThat(added.send("new\n").readLine()).isEqualTo("new\n");
				}
				assertThat(listeners.port("changing")).isNotEqualTo(changingPort);
				try (WireClient changed = WireClient.connect(listeners.port("changing"))) {
					assertThat(new String(changed.send("raw").read(3), StandardCharsets.US_ASCII)).isEqualTo("raw");
				}
				assertThat(output).contains("Listener configuration changed (" + file
						+ "): added added, removed leaving and changed changing (1 sessions drained); "
						+ "new timeouts and limits in place, sessions kept, for timed; unchanged kept");
				// The open session took the new idle timeout, without a drain.
				assertThat(timed.readToEnd()).isEmpty();
				await().atMost(Duration.ofSeconds(10))
					.until(() -> registry.get("wharf.connections.closed")
						.tags("listener", "timed", "reason", "idle_timeout")
						.counter()
						.count() == 1);
				assertThat(registry.get("wharf.config.changes").tag("result", "applied").counter().count()).isOne();
				assertThat(registry.find("wharf.listener.up").tag("listener", "leaving").gauge()).isNull();

				write(file, """
						    kept: {protocol: tcp, port: 0, service: echo, framing: {type: json}}
						    added: {protocol: tcp, port: 0, service: no-such-service}
						    timed: {protocol: tcp, port: 0, service: echo, framing: {type: line}, idle-timeout: 1s}
						""");
				await().atMost(Duration.ofSeconds(20)).until(() -> {
					echo(kept, echoes);
					return output.getOut().contains("Listener configuration change refused");
				});
				assertThat(registry.get("wharf.config.changes").tag("result", "refused").counter().count()).isOne();
				assertThat(output).contains(
						"Listener configuration change refused (" + file + "); the running listeners are kept",
						"'json' is not one of: raw, line, length-prefix, delimiter");
				assertThat(listeners.bound()).containsOnlyKeys("kept", "changing", "added", "timed");

				write(file, """
						    kept: {protocol: tcp, port: 0, service: echo, framing: {type: line}}
						    added: {protocol: tcp, port: 70000, service: echo}
						    timed: {protocol: tcp, port: 0, service: echo, framing: {type: line}, idle-timeout: 1s}
						""");
				await().atMost(Duration.ofSeconds(20)).until(() -> {
					echo(kept, echoes);
					return registry.get("wharf.config.changes").tag("result", "refused").counter().count() == 2;
				});
				await().atMost(Duration.ofSeconds(5))
					.untilAsserted(() -> assertThat(output).contains("port: must be between 0 and 65535"));
				assertThat(listeners.bound()).containsOnlyKeys("kept", "changing", "added", "timed");
				echo(kept, echoes);
				assertThat(kept.closedByServer()).isFalse();
			}
		}
	}

	@Test
	void newLimitsHoldNewConnectionsWhileTheOpenOnesStay(CapturedOutput output) throws Exception {
		Path file = this.directory.resolve("application.yml");
		String listener = "    limited: {protocol: tcp, port: 0, service: echo, framing: {type: line}, "
				+ "exempt-clients: '', max-connections-per-client: %d}\n";
		write(file, listener.formatted(10));
		try (ConfigurableApplicationContext context = start(file)) {
			Listeners listeners = context.getBean(Listeners.class);
			int port = listeners.port("limited");
			AtomicInteger echoes = new AtomicInteger();
			try (WireClient first = WireClient.connect(port); WireClient second = WireClient.connect(port)) {
				echo(first, echoes);
				echo(second, echoes);
				write(file, listener.formatted(2));
				await().atMost(Duration.ofSeconds(20))
					.until(() -> output.getOut().contains("Listener configuration changed"));
				assertThat(output).contains("new timeouts and limits in place, sessions kept, for limited");
				assertThat(listeners.port("limited")).as("not bound anew").isEqualTo(port);
				echo(first, echoes);
				echo(second, echoes);
				try (WireClient third = WireClient.connect(port)) {
					assertThat(new String(third.readToEnd(), StandardCharsets.US_ASCII))
						.as("a third from the same client, over the new limit")
						.isEqualTo("Server: busy, try again later\n");
				}
				await().atMost(Duration.ofSeconds(5))
					.untilAsserted(() -> assertThat(output).contains("the address holds 2 connections, the most "
							+ "wharf.listeners.limited.max-connections-per-client allows"));
				first.close();
				await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> {
					try (WireClient again = WireClient.connect(port)) {
						echo(again, echoes);
					}
				});
				echo(second, echoes);
			}
		}
	}

	@Test
	void aRangeDeniedWhileRunningLosesItsOpenSessions(CapturedOutput output) throws Exception {
		Path file = this.directory.resolve("application.yml");
		String listener = "    guarded: {protocol: tcp, port: 0, service: echo, framing: {type: line}, deny: [%s]}\n";
		write(file, listener.formatted("192.0.2.0/24"));
		try (ConfigurableApplicationContext context = start(file)) {
			Listeners listeners = context.getBean(Listeners.class);
			MeterRegistry registry = context.getBean(MeterRegistry.class);
			int port = listeners.port("guarded");
			try (WireClient open = WireClient.connect(port)) {
				echo(open, new AtomicInteger());
				write(file, listener.formatted("127.0.0.0/8"));
				assertThat(open.readToEnd()).as("closed by the change").isEmpty();
				await().atMost(Duration.ofSeconds(5))
					.untilAsserted(() -> assertThat(output)
						.contains("Listener 'guarded' closing 1 open sessions whose clients its new "
								+ "wharf.listeners.guarded.allow and wharf.listeners.guarded.deny refuse"));
				assertThat(listeners.port("guarded")).as("not bound anew").isEqualTo(port);
				await().atMost(Duration.ofSeconds(10))
					.until(() -> registry.get("wharf.connections.closed")
						.tags("listener", "guarded", "reason", "closed_by_operator")
						.counter()
						.count() == 1);
				try (WireClient refused = WireClient.connect(port)) {
					assertThat(refused.readToEnd()).as("a new one from the denied range").isEmpty();
				}
				await().atMost(Duration.ofSeconds(10))
					.until(() -> registry.get("wharf.connections.rejected")
						.tags("listener", "guarded", "cause", "denied")
						.counter()
						.count() == 1);
			}
		}
	}

	@Test
	void aUdpListenerTakesNewSourceLimitsWithoutClosingItsPort(CapturedOutput output) throws Exception {
		Path file = this.directory.resolve("application.yml");
		String listener = "    datagrams: {protocol: udp, port: 0, service: echo, exempt-clients: '', "
				+ "datagram-rate: %d, datagram-burst: %d}\n";
		write(file, listener.formatted(1000, 2000));
		try (ConfigurableApplicationContext context = start(file); DatagramSocket client = new DatagramSocket()) {
			Listeners listeners = context.getBean(Listeners.class);
			MeterRegistry registry = context.getBean(MeterRegistry.class);
			int port = listeners.port("datagrams");
			client.setSoTimeout(5000);
			assertThat(echo(client, port)).isEqualTo("ping");
			write(file, listener.formatted(1, 1));
			await().atMost(Duration.ofSeconds(20))
				.until(() -> output.getOut().contains("Listener configuration changed"));
			assertThat(output).contains("new timeouts and limits in place, sessions kept, for datagrams");
			assertThat(listeners.port("datagrams")).as("not bound anew").isEqualTo(port);
			byte[] ping = "ping".getBytes(StandardCharsets.US_ASCII);
			await().atMost(Duration.ofSeconds(10)).until(() -> {
				client.send(new DatagramPacket(ping, ping.length, InetAddress.getLoopbackAddress(), port));
				return registry.get("wharf.datagrams.dropped")
					.tags("listener", "datagrams", "reason", "rate_limited")
					.counter()
					.count() > 0;
			});
		}
	}

	private static String echo(DatagramSocket client, int port) throws IOException {
		byte[] ping = "ping".getBytes(StandardCharsets.US_ASCII);
		client.send(new DatagramPacket(ping, ping.length, InetAddress.getLoopbackAddress(), port));
		DatagramPacket answer = new DatagramPacket(new byte[16], 16);
		client.receive(answer);
		return new String(answer.getData(), 0, answer.getLength(), StandardCharsets.US_ASCII);
	}

	/** The server, watching the file every 100 ms. */
	private ConfigurableApplicationContext start(Path file) {
		return new SpringApplicationBuilder(WharfApplication.class).run(
				"--spring.config.additional-location=file:" + this.directory + "/", "--server.port=0",
				"--wharf.reload.enabled=true", "--wharf.reload.file=" + file, "--wharf.reload.interval=100ms",
				"--spring.main.banner-mode=off");
	}

	/** One echo on the untouched listener's connection: it must come back, every time. */
	private static void echo(WireClient client, AtomicInteger echoes) throws IOException {
		String line = "echo " + echoes.incrementAndGet();
		assertThat(client.send(line + "\n").readLine()).isEqualTo(line + "\n");
	}

	private static void write(Path file, String listeners) throws IOException {
		Path next = file.resolveSibling("next.yml");
		Files.writeString(next, "wharf:\n  listeners:\n" + DEFAULTS_OFF + listeners);
		// As a ConfigMap volume swaps its files: the reader sees the old file or the new.
		Files.move(next, file, java.nio.file.StandardCopyOption.ATOMIC_MOVE,
				java.nio.file.StandardCopyOption.REPLACE_EXISTING);
	}

}
