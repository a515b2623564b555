package io.wharf.actuate;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;

import io.wharf.WireClient;
import org.junit.jupiter.api.Test;

import org.springframework.test.context.TestPropertySource;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Exposed and unrestricted, the tap still shows nothing until {@code wharf.tap.enabled};
 * by default (see {@link SocketsEndpointTests}'s context) there is no tap endpoint at
 * all.
 */
@TestPropertySource(properties = { "management.endpoint.tap.access=unrestricted",
		"management.endpoints.web.exposure.include=health,info,prometheus,sockets,tap" })
class TapOffTests extends SocketsEndpointTests {

	@Test
	void aTapIsRefusedUntilTapsAreEnabled() throws Exception {
		try (WireClient client = WireClient.connect(this.listeners.port("echo-line"))) {
			client.send("x\n").readLine();
			String id = (String) sessionOf("echo-line", client).get("id");
			HttpResponse<String> refused = HttpClient.newHttpClient()
				.send(HttpRequest
					.newBuilder(URI.create("http://127.0.0.1:" + this.httpPort + "/actuator/tap/echo-line/" + id))
					.header("Content-Type", "application/json")
					.POST(HttpRequest.BodyPublishers.ofString("{}"))
					.build(), HttpResponse.BodyHandlers.ofString());
			assertThat(refused.statusCode()).isEqualTo(403);
			assertThat(refused.body()).contains("set wharf.tap.enabled=true");
		}
	}

}
