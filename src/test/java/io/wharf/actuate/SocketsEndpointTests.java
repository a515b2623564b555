package io.wharf.actuate;

import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;

import com.jayway.jsonpath.DocumentContext;
import com.jayway.jsonpath.JsonPath;
import io.wharf.WharfTest;
import io.wharf.WireClient;
import io.wharf.transport.Listeners;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;

import static org.assertj.core.api.Assertions.assertThat;

@WharfTest
class SocketsEndpointTests {

	@Autowired
	Listeners listeners;

	@Value("${local.server.port}")
	int httpPort;

	@Test
	void summarisesEveryListener() throws Exception {
		DocumentContext json = JsonPath.parse(send("GET", "/actuator/sockets").body());
		Map<String, Object> line = json.read("$.listeners.echo-line");
		assertThat(line).containsEntry("protocol", "tcp")
			.containsEntry("port", this.listeners.port("echo-line"))
			.containsEntry("framing", "line")
			.containsEntry("state", "bound")
			.containsKeys("activeConnections", "messagesReceived", "bytesSent", "ratesPerSecond");
		Map<String, Object> rates = json.read("$.listeners.echo-line.ratesPerSecond.messagesReceived");
		assertThat(rates).containsKeys("1m", "5m", "15m");
		assertThat(json.jsonString()).containsPattern("\"messagesReceived\":\\{\"1m\":[^}]*\"5m\":[^}]*\"15m\"")
			.containsPattern(
					"\"ratesPerSecond\":\\{\"messagesReceived\".*\"messagesSent\".*\"bytesReceived\".*\"bytesSent\"");
		assertThat(json.read("$.listeners.echo-udp.protocol", String.class)).isEqualTo("udp");
	}

	@Test
	void listsOpenSessionsAndRefusesToCloseThemByDefault() throws Exception {
		try (WireClient client = WireClient.connect(this.listeners.port("echo-nul"))) {
			client.send(new byte[] { 'a', 0 });
			client.read(2);
			Map<String, Object> mine = sessionOf("echo-nul", client);
			assertThat(mine).containsEntry("messagesReceived", 1)
				.containsEntry("messagesSent", 1)
				.containsEntry("bytesReceived", 2)
				.containsEntry("bytesSent", 2);
			String id = (String) mine.get("id");
			assertThat(URLEncoder.encode(id, StandardCharsets.UTF_8)).as("needs no encoding").isEqualTo(id);
			assertThat(send("DELETE", "/actuator/sockets/echo-nul/" + id).statusCode()).isGreaterThanOrEqualTo(400);
			client.send(new byte[] { 'b', 0 });
			assertThat(client.read(2)).containsExactly('b', 0);
		}
		assertThat(send("GET", "/actuator/sockets/no-such-listener").statusCode()).isEqualTo(404);
	}

	@Test
	void thereIsNoTapUnlessExposedAndAllowed() throws Exception {
		assumeDefaultEndpoints();
		assertThat(send("POST", "/actuator/tap/echo-nul/8889-1").statusCode()).isEqualTo(404);
	}

	/** Subclasses that expose and allow more endpoints leave the default's checks out. */
	void assumeDefaultEndpoints() {
		org.junit.jupiter.api.Assumptions
			.assumeTrue(getClass() == SocketsEndpointTests.class || getClass() == SocketsEndpointCloseTests.class);
	}

	@Test
	void showsEachGreetingSessionsState() throws Exception {
		try (WireClient client = WireClient.connect(this.listeners.port("greeting-tcp"))) {
			client.readText("Server: Welcome!\nServer: What's your name");
			assertThat(stateOf(client)).isEqualTo("awaiting_name");
			client.send("Gus\n");
			client.readText("Server: Hello Gus!\nServer: What's your name");
			assertThat(stateOf(client)).isEqualTo("greeted");
		}
	}

	private Object stateOf(WireClient client) throws Exception {
		return sessionOf("greeting-tcp", client).get("state");
	}

	/** The client's own session as {@code /actuator/sockets/{listener}} lists it. */
	Map<String, Object> sessionOf(String listener, WireClient client) throws Exception {
		List<Map<String, Object>> sessions = JsonPath.parse(send("GET", "/actuator/sockets/" + listener).body())
			.read("$.sessions");
		return sessions.stream()
			.filter((session) -> ((String) session.get("remote")).endsWith(":" + client.localPort()))
			.findFirst()
			.orElseThrow();
	}

	HttpResponse<String> send(String method, String path) throws Exception {
		return HttpClient.newHttpClient()
			.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + this.httpPort + path))
				.method(method, HttpRequest.BodyPublishers.noBody())
				.build(), HttpResponse.BodyHandlers.ofString());
	}

}
