package io.wharf.cluster;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;

import com.jayway.jsonpath.DocumentContext;
import com.jayway.jsonpath.JsonPath;
import com.jayway.jsonpath.PathNotFoundException;
import io.micrometer.core.instrument.MeterRegistry;
import io.wharf.RedisServer;
import io.wharf.api.SessionInfo;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * What an operator sees of a cluster of two instances: every instance in
 * {@code /actuator/sockets} and a listener's sessions on both, a session on the other
 * instance closed through either, a {@code cluster} health component outside readiness,
 * and the cluster's meters in the scrape.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ClusterOperatorTests {

	private RedisServer redis;

	private ClusterInstance a;

	private ClusterInstance b;

	@BeforeAll
	void start() throws IOException {
		this.redis = RedisServer.start(null);
		List<String> web = List.of("spring.data.redis.url=" + this.redis.url(),
				"spring.main.web-application-type=servlet", "server.port=0",
				"management.endpoint.sockets.access=unrestricted", "wharf.sockets.show-addresses=always",
				"management.endpoint.health.show-details=always", "wharf.tap.enabled=true",
				"management.endpoint.tap.access=unrestricted",
				"management.endpoints.web.exposure.include=health,info,prometheus,sockets,tap");
		this.a = ClusterInstance.startWith("a", web);
		this.b = ClusterInstance.startWith("b", web);
		await().atMost(Duration.ofSeconds(20))
			.until(() -> this.a.instances().size() == 2 && this.b.instances().size() == 2);
	}

	@AfterAll
	void stop() {
		this.a.close();
		this.b.close();
		this.redis.close();
	}

	@Test
	void theSocketsEndpointShowsEveryInstanceAndClosesASessionOnAnother() throws Exception {
		try (LineClient onB = new LineClient(this.b.port())) {
			SessionInfo session = ClusterFailureTests.sessionOf(this.a, onB);
			await().atMost(Duration.ofSeconds(10))
				.ignoreException(PathNotFoundException.class)
				.untilAsserted(() -> assertThat(
						json(this.a, "/actuator/sockets").read("$.cluster.instances.b.sessions", Map.class))
					.containsEntry("room", 1));
			DocumentContext cluster = json(this.a, "/actuator/sockets");
			assertThat(cluster.read("$.cluster.instance", String.class)).isEqualTo("a");
			assertThat(cluster.read("$.cluster.connected", Boolean.class)).isTrue();
			assertThat(json(this.a, "/actuator/sockets?scope=local").jsonString()).doesNotContain("\"cluster\"");
			List<Map<String, Object>> sessions = json(this.a, "/actuator/sockets/room").read("$.sessions");
			assertThat(sessions).anySatisfy((listed) -> assertThat(listed).containsEntry("id", session.id())
				.containsEntry("instance", "b")
				.containsEntry("remote", session.remote()));
			assertThat(json(this.a, "/actuator/sockets/room?scope=local").jsonString()).doesNotContain(session.id());
			double closedBefore = closedByOperator(this.b);
			HttpResponse<String> deleted = send(this.a, "DELETE", "/actuator/sockets/room/" + session.id());
			assertThat(deleted.statusCode()).isEqualTo(200);
			assertThat(deleted.body()).contains("\"instance\":\"b\"");
			assertThat(onB.readLine()).isNull();
			await().atMost(Duration.ofSeconds(10)).until(() -> closedByOperator(this.b) == closedBefore + 1);
			assertThat(send(this.a, "DELETE", "/actuator/sockets/room/" + session.id()).statusCode()).isEqualTo(404);
		}
	}

	@Test
	void aTapThroughOneInstanceShowsTheFramesOfASessionOnAnother() throws Exception {
		try (LineClient onB = new LineClient(this.b.port())) {
			SessionInfo session = ClusterFailureTests.sessionOf(this.a, onB);
			int port = Integer.parseInt(this.a.property("local.server.port"));
			CompletableFuture<HttpResponse<String>> tap = HttpClient.newHttpClient()
				.sendAsync(HttpRequest
					.newBuilder(URI.create("http://127.0.0.1:" + port + "/actuator/tap/room/" + session.id()))
					.header("Content-Type", "application/json")
					.POST(HttpRequest.BodyPublishers.ofString("{\"frames\": 2, \"seconds\": 30}"))
					.build(), HttpResponse.BodyHandlers.ofString());
			// The tap reaches b through Redis; lines before it arrives go by untapped,
			// and a
			// line and its echo are one step of the session's I/O thread.
			await().atMost(Duration.ofSeconds(20)).until(() -> {
				onB.send("tapped on b");
				onB.readLine();
				return tap.isDone();
			});
			DocumentContext json = JsonPath.parse(tap.join().body());
			assertThat(json.read("$.instance", String.class)).isEqualTo("b");
			assertThat(json.read("$.ended", String.class)).isEqualTo("frames");
			assertThat(json.read("$.frames[*].direction", List.class)).containsExactly("in", "out");
			assertThat(json.read("$.frames[0].text", String.class)).isEqualTo("tapped on b\\n");
			assertThat(json.read("$.frames[0].hex", String.class)).startsWith("746170706564");
		}
		HttpResponse<String> gone = HttpClient.newHttpClient()
			.send(HttpRequest
				.newBuilder(URI
					.create("http://127.0.0.1:" + this.a.property("local.server.port") + "/actuator/tap/room/b_1-ffff"))
				.header("Content-Type", "application/json")
				.POST(HttpRequest.BodyPublishers.ofString("{}"))
				.build(), HttpResponse.BodyHandlers.ofString());
		assertThat(gone.statusCode()).isEqualTo(404);
	}

	@Test
	void theClusterHealthComponentIsNotPartOfReadinessAndItsMetersAreScraped() throws Exception {
		DocumentContext health = json(this.a, "/actuator/health");
		assertThat(health.read("$.components.cluster.status", String.class)).isEqualTo("UP");
		assertThat(health.read("$.components.cluster.details.instance", String.class)).isEqualTo("a");
		assertThat(json(this.a, "/actuator/health/readiness").jsonString()).doesNotContain("cluster");
		String scrape = send(this.a, "GET", "/actuator/prometheus").body();
		assertThat(scrape).contains("wharf_cluster_connected{")
			.contains("wharf_cluster_instances{")
			.contains("wharf_cluster_messages_total{")
			.contains("wharf_cluster_send_seconds_bucket{")
			.contains("wharf_cluster_reconnects_total{")
			.contains("wharf_cluster_directory_sessions{");
		assertThat(this.a.bean(MeterRegistry.class).get("wharf.cluster.instances").gauge().value()).isEqualTo(2);
	}

	private static double closedByOperator(ClusterInstance instance) {
		return instance.bean(MeterRegistry.class)
			.get("wharf.connections.closed")
			.tags("listener", "room", "reason", "closed_by_operator")
			.counter()
			.count();
	}

	private static DocumentContext json(ClusterInstance instance, String path) throws Exception {
		HttpResponse<String> response = send(instance, "GET", path);
		assertThat(response.statusCode()).as(path).isEqualTo(200);
		return JsonPath.parse(response.body());
	}

	private static HttpResponse<String> send(ClusterInstance instance, String method, String path) throws Exception {
		int port = Integer.parseInt(instance.property("local.server.port"));
		return HttpClient.newHttpClient()
			.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path))
				.method(method, HttpRequest.BodyPublishers.noBody())
				.build(), HttpResponse.BodyHandlers.ofString());
	}

}
