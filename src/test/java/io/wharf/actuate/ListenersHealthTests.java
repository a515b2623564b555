package io.wharf.actuate;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.Map;

import com.jayway.jsonpath.DocumentContext;
import com.jayway.jsonpath.JsonPath;
import io.wharf.WharfTest;
import io.wharf.config.ListenersProperties;
import io.wharf.transport.Listeners;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.health.contributor.Status;

import static org.assertj.core.api.Assertions.assertThat;

@WharfTest
class ListenersHealthTests {

	@Autowired
	private Listeners listeners;

	@Autowired
	private ListenersProperties properties;

	@Value("${local.server.port}")
	private int httpPort;

	@Test
	void healthListsEveryListenerWithItsBoundPort() throws Exception {
		DocumentContext json = json("/actuator/health");
		assertThat(json.read("$.components.listeners.status", String.class)).isEqualTo("UP");
		Map<String, Object> echo = json.read("$.components.listeners.details.echo-tcp");
		assertThat(echo).containsEntry("protocol", "tcp")
			.containsEntry("port", this.listeners.port("echo-tcp"))
			.containsEntry("service", "echo")
			.containsEntry("state", "bound");
		Map<String, Object> udp = json.read("$.components.listeners.details.greeting-udp");
		assertThat(udp).containsEntry("protocol", "udp").containsEntry("port", this.listeners.port("greeting-udp"));
	}

	@Test
	void readinessIncludesTheListeners() throws Exception {
		DocumentContext json = json("/actuator/health/readiness");
		assertThat(json.read("$.status", String.class)).isEqualTo("UP");
		assertThat(json.read("$.components.listeners.status", String.class)).isEqualTo("UP");
		assertThat(json.read("$.components.readinessState.status", String.class)).isEqualTo("UP");
		assertThat(get("/actuator/health/liveness").statusCode()).isEqualTo(200);
	}

	@Test
	void infoCarriesBuildInformation() throws Exception {
		assertThat(json("/actuator/info").read("$.build.artifact", String.class)).isEqualTo("wharf");
	}

	@Test
	void isDownUntilEveryListenerIsBound() {
		Listeners notStarted = new Listeners(this.properties, java.util.List.of(), null, null, null, null);
		ListenersHealthIndicator indicator = new ListenersHealthIndicator(notStarted);
		assertThat(indicator.health().getStatus()).isEqualTo(Status.DOWN);
		assertThat(indicator.health().getDetails()).containsKey("echo-tcp");
		@SuppressWarnings("unchecked")
		Map<String, Object> echo = (Map<String, Object>) indicator.health().getDetails().get("echo-tcp");
		assertThat(echo).containsEntry("state", "not bound");
	}

	/** The JSON an Actuator path answers with 200. */
	private DocumentContext json(String path) throws Exception {
		HttpResponse<String> response = get(path);
		assertThat(response.statusCode()).as(path).isEqualTo(200);
		return JsonPath.parse(response.body());
	}

	private HttpResponse<String> get(String path) throws Exception {
		return HttpClient.newHttpClient()
			.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + this.httpPort + path)).build(),
					HttpResponse.BodyHandlers.ofString());
	}

}
