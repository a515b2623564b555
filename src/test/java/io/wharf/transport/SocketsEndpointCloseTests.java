package io.wharf.transport;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;

import com.jayway.jsonpath.JsonPath;
import io.wharf.WireClient;
import org.junit.jupiter.api.Test;

import org.springframework.test.context.TestPropertySource;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * With write access enabled, an operator can close a session.
 */
@TestPropertySource(properties = "management.endpoint.sockets.access=unrestricted")
class SocketsEndpointCloseTests extends SocketsEndpointTests {

	@Override
	@Test
	void listsOpenSessionsAndRefusesToCloseThemByDefault() {
		// Write access is on in this context; see closesASessionWhenAllowed.
	}

	@Test
	void closesASessionWhenAllowed() throws Exception {
		try (WireClient client = WireClient.connect(this.listeners.port("echo-nul"))) {
			client.send(new byte[] { 'a', 0 });
			client.read(2);
			List<Map<String, Object>> sessions = JsonPath.parse(send("GET", "/actuator/sockets/echo-nul").body())
				.read("$.sessions");
			String id = sessions.stream()
				.filter((session) -> ((String) session.get("remote")).endsWith(":" + client.localPort()))
				.map((session) -> (String) session.get("id"))
				.findFirst()
				.orElseThrow();
			assertThat(send("DELETE", "/actuator/sockets/echo-nul/" + URLEncoder.encode(id, StandardCharsets.UTF_8))
				.statusCode()).isEqualTo(200);
			assertThat(client.readToEnd()).isEmpty();
		}
	}

}
