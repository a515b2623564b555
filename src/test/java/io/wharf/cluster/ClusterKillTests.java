package io.wharf.cluster;

import java.io.IOException;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

import io.wharf.RedisServer;
import io.wharf.WharfApplication;
import io.wharf.api.SendResult;
import io.wharf.api.SessionInfo;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * An instance killed outright ({@code kill -9}, a process of its own) leaves the
 * directory with its sessions within the instance timeout, and sends to its sessions
 * never hang: they complete as unreachable meanwhile and as gone once it has left.
 */
class ClusterKillTests {

	@Test
	void aKilledInstanceLeavesTheDirectoryAndSendsToItsSessionsNeverHang() throws Exception {
		try (RedisServer redis = RedisServer.start(null); ClusterInstance a = ClusterInstance.start("a", redis.url())) {
			int port = freePort();
			Process killed = startProcess("k", redis.url(), port);
			try {
				await().atMost(Duration.ofSeconds(60)).until(() -> a.instances().containsKey("k"));
				try (LineClient device = new LineClient(port)) {
					SessionInfo session = ClusterFailureTests.sessionOf(a, device);
					assertThat(session.instance()).isEqualTo("k");
					assertThat(a.sessions().send(session.id(), "ping".getBytes()).toCompletableFuture().join())
						.isEqualTo(SendResult.SENT);
					assertThat(device.readLine()).isEqualTo("ping");
					killed.destroyForcibly().waitFor(20, TimeUnit.SECONDS);
					long started = System.nanoTime();
					assertThat(a.sessions().send(session.id(), "anyone?".getBytes()).toCompletableFuture().join())
						.isIn(SendResult.GONE, SendResult.UNREACHABLE);
					assertThat(Duration.ofNanos(System.nanoTime() - started)).isLessThan(Duration.ofSeconds(5));
					await().atMost(Duration.ofSeconds(10)).until(() -> !a.instances().containsKey("k"));
					assertThat(a.sessions().list("room").toCompletableFuture().join()).extracting(SessionInfo::instance)
						.doesNotContain("k");
					started = System.nanoTime();
					assertThat(a.sessions().send(session.id(), "gone?".getBytes()).toCompletableFuture().join())
						.isEqualTo(SendResult.GONE);
					assertThat(Duration.ofNanos(System.nanoTime() - started)).isLessThan(Duration.ofMillis(500));
					assertThat(redis.command("EXISTS", "wharf:instance:k")).isEqualTo("0");
				}
			}
			finally {
				killed.destroyForcibly();
			}
		}
	}

	/** Wharf in a process of its own, as a pod runs it. */
	private static Process startProcess(String id, String redisUrl, int port) throws IOException {
		Path log = Files.createTempFile("wharf-" + id, ".log");
		List<String> command = new ArrayList<>(
				List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(), "-Xmx256m", "-cp",
						System.getProperty("java.class.path"), WharfApplication.class.getName(),
						"--wharf.cluster.enabled=true", "--wharf.cluster.instance-id=" + id,
						"--spring.data.redis.url=" + redisUrl, "--wharf.cluster.heartbeat-interval=300ms",
						"--wharf.cluster.instance-timeout=3s", "--spring.main.web-application-type=none",
						"--wharf.listeners.room.protocol=tcp", "--wharf.listeners.room.port=" + port,
						"--wharf.listeners.room.service=echo", "--wharf.listeners.room.framing.type=line"));
		for (String listener : List.of("greeting-tcp", "greeting-udp", "echo-tcp", "echo-udp", "echo-line",
				"echo-framed")) {
			command.add("--wharf.listeners." + listener + ".enabled=false");
		}
		return new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(log.toFile()).start();
	}

	private static int freePort() throws IOException {
		try (ServerSocket socket = new ServerSocket(0)) {
			return socket.getLocalPort();
		}
	}

}
