package io.wharf.actuate;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.List;
import java.util.Map;

import com.jayway.jsonpath.JsonPath;
import io.wharf.WireClient;
import io.wharf.transport.Listeners;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.test.context.SpringBootTest;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * What Actuator shows with the server's own defaults, reachable by anyone who reaches its
 * port: health without details (no ports, no disk path) and sessions without client
 * addresses.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
		properties = { "wharf.listeners.greeting-tcp.port=0", "wharf.listeners.greeting-udp.port=0",
				"wharf.listeners.echo-tcp.port=0", "wharf.listeners.echo-udp.port=0",
				"wharf.listeners.echo-line.port=0", "wharf.listeners.echo-framed.port=0" })
class ManagementDefaultsTests {

	@Autowired
	private Listeners listeners;

	@Value("${local.server.port}")
	private int httpPort;

	@Test
	void healthShowsStatusesButNoDetails() throws Exception {
		String health = get("/actuator/health");
		assertThat(JsonPath.<String>read(health, "$.components.listeners.status")).isEqualTo("UP");
		assertThat(health).doesNotContain("details").doesNotContain("path").doesNotContain("\"port\"");
	}

	@Test
	void sessionsAreListedWithoutClientAddresses() throws Exception {
		try (WireClient client = WireClient.connect(this.listeners.port("echo-line"))) {
			client.send("hi\n");
			client.readLine();
			List<Map<String, Object>> sessions = JsonPath.read(get("/actuator/sockets/echo-line"), "$.sessions");
			assertThat(sessions).hasSize(1);
			assertThat(sessions.get(0)).containsKey("id").doesNotContainKey("remote");
			assertThat(sessions.get(0).toString()).doesNotContain("127.0.0.1");
		}
	}

	private String get(String path) throws Exception {
		return HttpClient.newHttpClient()
			.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + this.httpPort + path)).build(),
					HttpResponse.BodyHandlers.ofString())
			.body();
	}

}
