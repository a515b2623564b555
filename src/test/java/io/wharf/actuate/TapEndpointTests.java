package io.wharf.actuate;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

import com.jayway.jsonpath.DocumentContext;
import com.jayway.jsonpath.JsonPath;
import io.wharf.WireClient;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.test.context.TestPropertySource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * With taps allowed, exposed and their access unrestricted, an operator sees a session's
 * next frames both ways, capped, and the tap is logged.
 */
@TestPropertySource(properties = { "wharf.tap.enabled=true", "wharf.tap.max-bytes=40B",
		"management.endpoint.tap.access=unrestricted",
		"management.endpoints.web.exposure.include=health,info,prometheus,sockets,tap" })
@ExtendWith(OutputCaptureExtension.class)
class TapEndpointTests extends SocketsEndpointTests {

	@Test
	void showsASessionsNextFramesBothWaysAsTextAndHex(CapturedOutput output) throws Exception {
		try (WireClient client = WireClient.connect(this.listeners.port("echo-line"))) {
			client.send("before\n").readLine();
			String id = (String) sessionOf("echo-line", client).get("id");
			CompletableFuture<HttpResponse<String>> tap = post("/actuator/tap/echo-line/" + id, "{\"frames\": 4}");
			sendUntilAnswered(client, "ping\t\u00e9\n", tap);
			DocumentContext json = JsonPath.parse(tap.join().body());
			assertThat(json.read("$.ended", String.class)).isEqualTo("frames");
			List<Map<String, Object>> frames = json.read("$.frames");
			assertThat(frames).extracting((frame) -> frame.get("direction")).containsExactly("in", "out", "in", "out");
			assertThat(frames).allSatisfy((frame) -> {
				assertThat(frame).containsEntry("text", "ping\\t\\xc3\\xa9\\n")
					.containsEntry("hex", "70696e6709c3a90a")
					.containsEntry("length", 8)
					.containsKey("at");
			});
			assertThat(output).contains("Tap of session " + id + " on listener 'echo-line' for up to 4 frames",
					"asked by an unauthenticated caller");
		}
	}

	@Test
	void showsAtMostTheByteCapAndEndsWhenTheSessionCloses(CapturedOutput output) throws Exception {
		try (WireClient client = WireClient.connect(this.listeners.port("echo-line"))) {
			client.send("x\n").readLine();
			String id = (String) sessionOf("echo-line", client).get("id");
			CompletableFuture<HttpResponse<String>> capped = post("/actuator/tap/echo-line/" + id, "{}");
			String line = "y".repeat(99) + "\n";
			sendUntilAnswered(client, line, capped);
			DocumentContext json = JsonPath.parse(capped.join().body());
			assertThat(json.read("$.ended", String.class)).isEqualTo("bytes");
			assertThat(json.read("$.frames[0].length", Integer.class)).isEqualTo(100);
			assertThat(json.read("$.frames[0].text", String.class)).isEqualTo("y".repeat(40));
			assertThat(json.read("$.frames[0].cut", Boolean.class)).isTrue();

			CompletableFuture<HttpResponse<String>> untilClosed = post("/actuator/tap/echo-line/" + id,
					"{\"frames\": 10, \"seconds\": 30}");
			// Once logged, the tap is on its way to the session, which closes after it.
			await().atMost(Duration.ofSeconds(10))
				.until(() -> output.getOut()
					.contains("Tap of session " + id + " on listener 'echo-line' for up to 10"));
			client.close();
			assertThat(JsonPath.parse(untilClosed.get(10, TimeUnit.SECONDS).body()).read("$.ended", String.class))
				.isEqualTo("closed");
		}
	}

	@Test
	void anUnknownSessionIsNotFound() throws Exception {
		HttpResponse<String> unknown = post("/actuator/tap/echo-line/8889-ffff", "{}").join();
		assertThat(unknown.statusCode()).isEqualTo(404);
		assertThat(unknown.body()).contains("no open session '8889-ffff' on listener 'echo-line'");
	}

	/**
	 * Sends a line and reads its echo until the tap answers. The tap begins once the
	 * endpoint has handed it to the session: until then lines go by untapped, and each
	 * line and its echo are one step of the session's I/O thread, so a tap sees whole
	 * pairs.
	 */
	private static void sendUntilAnswered(WireClient client, String line, CompletableFuture<?> tap) {
		await().atMost(Duration.ofSeconds(10)).until(() -> {
			client.send(line).readLine();
			return tap.isDone();
		});
	}

	/** Asks for a tap as an operator does: a JSON body with what to show. */
	CompletableFuture<HttpResponse<String>> post(String path, String json) {
		return HttpClient.newHttpClient()
			.sendAsync(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + this.httpPort + path))
				.header("Content-Type", "application/json")
				.POST(HttpRequest.BodyPublishers.ofString(json))
				.build(), HttpResponse.BodyHandlers.ofString());
	}

}
