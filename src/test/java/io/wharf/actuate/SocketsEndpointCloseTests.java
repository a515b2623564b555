package io.wharf.actuate;

import java.net.http.HttpResponse;
import java.time.Duration;

import io.micrometer.core.instrument.MeterRegistry;
import io.wharf.WireClient;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.test.context.TestPropertySource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * With write access enabled, an operator can close a session.
 */
@TestPropertySource(properties = "management.endpoint.sockets.access=unrestricted")
@ExtendWith(OutputCaptureExtension.class)
class SocketsEndpointCloseTests extends SocketsEndpointTests {

	@Autowired
	private MeterRegistry registry;

	/**
	 * With write access on, the refusal tested by the parent becomes: unknown sessions
	 * are 404, with a reason.
	 */
	@Override
	@Test
	void listsOpenSessionsAndRefusesToCloseThemByDefault() throws Exception {
		HttpResponse<String> unknown = send("DELETE", "/actuator/sockets/echo-nul/8889-ffff");
		assertThat(unknown.statusCode()).isEqualTo(404);
		assertThat(unknown.body()).contains("no open session '8889-ffff' on listener 'echo-nul'");
		assertThat(send("DELETE", "/actuator/sockets/nowhere/8889-ffff").body())
			.contains("no running listener 'nowhere'");
	}

	@Test
	void closesASessionWhenAllowedWithACloseReasonOfItsOwn(CapturedOutput output) throws Exception {
		double before = closedByOperator();
		try (WireClient client = WireClient.connect(this.listeners.port("echo-nul"))) {
			client.send(new byte[] { 'a', 0 });
			client.read(2);
			String id = (String) sessionOf("echo-nul", client).get("id");
			assertThat(send("DELETE", "/actuator/sockets/echo-nul/" + id).statusCode()).isEqualTo(200);
			assertThat(client.readToEnd()).isEmpty();
			await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> {
				assertThat(closedByOperator()).isEqualTo(before + 1);
				assertThat(output).contains("session " + id + " from ").contains("closed (closed_by_operator)");
			});
		}
	}

	private double closedByOperator() {
		return this.registry.get("wharf.connections.closed")
			.tag("listener", "echo-nul")
			.tag("reason", "closed_by_operator")
			.counter()
			.count();
	}

}
