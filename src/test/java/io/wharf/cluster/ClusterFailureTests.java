package io.wharf.cluster;

import java.io.IOException;
import java.time.Duration;
import java.util.List;
import java.util.Optional;

import io.micrometer.core.instrument.MeterRegistry;
import io.wharf.RedisServer;
import io.wharf.api.SendResult;
import io.wharf.api.SessionInfo;
import io.wharf.api.SocketSessions.Broadcast;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * What a cluster does when Redis, another instance or a client fails, each against a real
 * Redis of its own.
 */
@ExtendWith(OutputCaptureExtension.class)
class ClusterFailureTests {

	@Test
	void redisDownAtStartUpServesLocallyAndJoinsWhenRedisComes(CapturedOutput output) throws IOException {
		try (RedisServer redis = RedisServer.start(null)) {
			redis.kill();
			try (ClusterInstance a = ClusterInstance.start("a", redis.url());
					LineClient client = new LineClient(a.port())) {
				client.send("local");
				assertThat(client.readLine()).isEqualTo("local");
				assertThat(a.state().connected()).isFalse();
				assertThat(a.sessions().send("b_1-1", "x".getBytes()).toCompletableFuture().join())
					.isEqualTo(SendResult.UNREACHABLE);
				await().atMost(Duration.ofSeconds(10)).until(() -> output.toString().contains("waiting for Redis"));
				redis.start();
				await().atMost(Duration.ofSeconds(20)).until(() -> a.state().connected());
				await().atMost(Duration.ofSeconds(10))
					.ignoreExceptions()
					.untilAsserted(() -> assertThat(a.sessions().list("room").toCompletableFuture().join()).hasSize(1));
				assertThat(output.toString().split("waiting for Redis", -1)).as("said once").hasSize(2);
			}
		}
	}

	@Test
	void redisLostMidRunKeepsLocalTrafficAnswersUnreachableAndRebuildsTheDirectory(CapturedOutput output)
			throws IOException {
		try (RedisServer redis = RedisServer.start(null);
				ClusterInstance a = ClusterInstance.start("a", redis.url());
				ClusterInstance b = ClusterInstance.start("b", redis.url());
				LineClient onA = new LineClient(a.port());
				LineClient onB = new LineClient(b.port())) {
			String idOnB = sessionOf(a, onB).id();
			await().atMost(Duration.ofSeconds(10)).until(() -> a.instances().containsKey("b"));
			redis.kill();
			await().atMost(Duration.ofSeconds(10)).until(() -> !a.state().connected());
			onA.send("still here");
			assertThat(onA.readLine()).isEqualTo("still here");
			long started = System.nanoTime();
			assertThat(a.sessions().send(idOnB, "x".getBytes()).toCompletableFuture().join())
				.isEqualTo(SendResult.UNREACHABLE);
			assertThat(Duration.ofNanos(System.nanoTime() - started)).as("at once").isLessThan(Duration.ofSeconds(1));
			assertThat(a.sessions().broadcast("room", "all".getBytes()).toCompletableFuture().join())
				.isEqualTo(new Broadcast(1, 0, 0, 1));
			assertThat(onA.readLine()).isEqualTo("all");
			redis.start();
			await().atMost(Duration.ofSeconds(30))
				.ignoreExceptions()
				.untilAsserted(() -> assertThat(a.sessions().list("room").toCompletableFuture().join()).hasSize(2));
			assertThat(a.sessions().send(idOnB, "back".getBytes()).toCompletableFuture().join())
				.isEqualTo(SendResult.SENT);
			assertThat(onB.readLine()).isEqualTo("back");
			assertThat(output).contains("does not answer").contains("answers again");
			assertThat(a.bean(MeterRegistry.class).get("wharf.cluster.reconnects").counter().count()).isOne();
		}
	}

	@Test
	void aClientThatDoesNotReadOnAnotherInstanceIsAnsweredBusy() throws IOException {
		try (RedisServer redis = RedisServer.start(null);
				ClusterInstance a = ClusterInstance.start("a", redis.url());
				ClusterInstance b = ClusterInstance.start("b", redis.url());
				LineClient sleeper = new LineClient(b.port())) {
			String id = sessionOf(a, sleeper).id();
			byte[] frame = new byte[64 * 1024];
			SendResult result = SendResult.SENT;
			int sent = 0;
			while (result == SendResult.SENT && sent < 2000) {
				result = a.sessions().send(id, frame).toCompletableFuture().join();
				sent++;
			}
			assertThat(result).isEqualTo(SendResult.BUSY);
			assertThat(sent).as("64 KB frames taken before BUSY").isLessThan(1000);
		}
	}

	@Test
	void aForeignMessageOnTheClusterChannelIsDroppedCountedAndLogged(CapturedOutput output) throws IOException {
		try (RedisServer redis = RedisServer.start(null); ClusterInstance a = ClusterInstance.start("a", redis.url())) {
			await().atMost(Duration.ofSeconds(10)).until(() -> a.state().connected());
			for (int i = 0; i < 5; i++) {
				redis.command("PUBLISH", "wharf:all", "hello, is this the echo service?");
			}
			MeterRegistry registry = a.bean(MeterRegistry.class);
			await().atMost(Duration.ofSeconds(10))
				.untilAsserted(() -> assertThat(registry.get("wharf.cluster.messages")
					.tags("direction", "in", "kind", "unknown", "result", "malformed")
					.counter()
					.count()).isEqualTo(5));
			assertThat(output.toString().split("not one of this version's", -1)).as("throttled to one line").hasSize(2);
			try (LineClient client = new LineClient(a.port())) {
				client.send("fine");
				assertThat(client.readLine()).isEqualTo("fine");
			}
		}
	}

	@Test
	void redisWithAPasswordServesTheCluster() throws IOException {
		try (RedisServer redis = RedisServer.start("s3cret");
				ClusterInstance a = ClusterInstance.startWith("a", withPassword(redis));
				ClusterInstance b = ClusterInstance.startWith("b", withPassword(redis));
				LineClient onB = new LineClient(b.port())) {
			String id = sessionOf(a, onB).id();
			assertThat(a.sessions().send(id, "through auth".getBytes()).toCompletableFuture().join())
				.isEqualTo(SendResult.SENT);
			assertThat(onB.readLine()).isEqualTo("through auth");
			assertThat(redis.command("SMEMBERS", "wharf:instances")).contains("a").contains("b");
		}
	}

	/** Spring Boot's own settings for a Redis with a password. */
	private static List<String> withPassword(RedisServer redis) {
		return List.of("spring.data.redis.host=127.0.0.1", "spring.data.redis.port=" + redis.port(),
				"spring.data.redis.password=s3cret");
	}

	/** The directory's entry of a client's session, as another instance finds it. */
	static SessionInfo sessionOf(ClusterInstance finder, LineClient client) {
		return await().atMost(Duration.ofSeconds(20))
			.until(() -> finder.state().connected() ? finder.sessions()
				.list("room")
				.toCompletableFuture()
				.join()
				.stream()
				// A local port is unique per server port only: two clients of two
				// instances
				// may share one, so the listener's port (in the id) tells them apart.
				.filter((session) -> session.remote().endsWith(":" + client.localPort())
						&& session.id().contains("_" + client.serverPort() + "-"))
				.findFirst() : Optional.<SessionInfo>empty(), Optional::isPresent)
			.orElseThrow();
	}

	static List<String> ids(List<SessionInfo> sessions) {
		return sessions.stream().map(SessionInfo::id).toList();
	}

}
