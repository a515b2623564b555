package io.wharf.transport;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;

import io.wharf.WireClient;
import org.junit.jupiter.api.Test;

import org.springframework.test.context.TestPropertySource;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * With write access enabled, an operator can close a session.
 */
@TestPropertySource(properties = "management.endpoint.sockets.access=unrestricted")
class SocketsEndpointCloseTests extends SocketsEndpointTests {

	/**
	 * With write access on, the refusal tested by the parent becomes: unknown sessions
	 * are 404.
	 */
	@Override
	@Test
	void listsOpenSessionsAndRefusesToCloseThemByDefault() throws Exception {
		assertThat(send("DELETE", "/actuator/sockets/echo-nul/no-such-session").statusCode()).isEqualTo(204);
	}

	@Test
	void closesASessionWhenAllowed() throws Exception {
		try (WireClient client = WireClient.connect(this.listeners.port("echo-nul"))) {
			client.send(new byte[] { 'a', 0 });
			client.read(2);
			String id = (String) sessionOf("echo-nul", client).get("id");
			assertThat(send("DELETE", "/actuator/sockets/echo-nul/" + URLEncoder.encode(id, StandardCharsets.UTF_8))
				.statusCode()).isEqualTo(200);
			assertThat(client.readToEnd()).isEmpty();
		}
	}

}
