package io.wharf.api;

import java.io.IOException;
import java.net.DatagramPacket;
import java.net.DatagramSocket;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;

import com.jayway.jsonpath.JsonPath;
import io.micrometer.core.instrument.MeterRegistry;
import io.wharf.WireClient;
import io.wharf.transport.Listeners;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * A service an application writes, served with everything a built-in gets: TCP and UDP,
 * state, meters tagged with its name, the sockets endpoint, pushes from elsewhere, and
 * failures that stay inside one session.
 */
@ServicesTest
@ExtendWith(OutputCaptureExtension.class)
class CustomServiceTests {

	@Autowired
	private Listeners listeners;

	@Autowired
	private TestServices.CounterService counter;

	@Autowired
	private SocketSessions sessions;

	@Autowired
	private MeterRegistry registry;

	@Value("${local.server.port}")
	private int httpPort;

	@Test
	void aServiceBeanServesTcpWithStateItsOwnMetersAndTheSocketsEndpoint() throws Exception {
		assertThat(this.counter.listening).containsEntry("counter", "tcp").containsEntry("counter-udp", "udp");
		try (WireClient client = WireClient.connect(this.listeners.port("counter"))) {
			assertThat(client.readLine()).isEqualTo("hello counter\n");
			client.send("one\ntwo\n");
			assertThat(client.readLine()).isEqualTo("one\n");
			assertThat(client.readLine()).isEqualTo("two\n");
			String body = get("/actuator/sockets/counter");
			assertThat(JsonPath.<String>read(body, "$.service")).isEqualTo("counter");
			assertThat(JsonPath.<java.util.List<String>>read(body, "$.sessions[*].state")).contains("lines=2");
			client.send("bye\n");
			assertThat(client.readLine()).isEqualTo("bye after 3\n");
			assertThat(client.closedByServer()).isTrue();
		}
		// Meters are added once per read batch, just after the replies go out.
		await().atMost(Duration.ofSeconds(10))
			.untilAsserted(() -> assertThat(this.registry.get("wharf.messages.received")
				.tags("listener", "counter", "service", "counter", "protocol", "tcp")
				.counter()
				.count()).isGreaterThanOrEqualTo(3));
		assertThat(JsonPath.<String>read(get("/actuator/health"), "$.components.listeners.details.counter.service"))
			.isEqualTo("counter");
	}

	@Test
	void aServiceBeanAnswersDatagramsToTheirSender() throws IOException {
		try (DatagramSocket socket = new DatagramSocket()) {
			socket.setSoTimeout(5000);
			byte[] payload = "ping".getBytes(StandardCharsets.UTF_8);
			socket.send(new DatagramPacket(payload, payload.length,
					new InetSocketAddress("127.0.0.1", this.listeners.port("counter-udp"))));
			DatagramPacket reply = new DatagramPacket(new byte[1024], 1024);
			socket.receive(reply);
			assertThat(new String(reply.getData(), 0, reply.getLength(), StandardCharsets.UTF_8))
				.isEqualTo("datagram from " + socket.getLocalPort() + " on counter-udp: ping");
		}
	}

	@Test
	void anyBeanCanSendToASessionLaterAndLearnsWhenItIsGone() throws IOException {
		String id;
		try (WireClient client = WireClient.connect(this.listeners.port("counter"))) {
			client.readLine();
			client.send("x\n");
			client.readLine();
			id = this.counter.sessions.values()
				.stream()
				.filter((session) -> session.remoteAddress().getPort() == client.localPort())
				.map(Session::id)
				.findFirst()
				.orElseThrow();
			assertThat(this.sessions.send(id, "pushed".getBytes(StandardCharsets.UTF_8)))
				.isCompletedWithValue(SendResult.SENT);
			assertThat(client.readLine()).isEqualTo("pushed\n");
			assertThat(this.sessions.find(id)).get().extracting(Session::listener).isEqualTo("counter");
		}
		String closed = id;
		await().atMost(Duration.ofSeconds(10)).until(() -> this.sessions.find(closed).isEmpty());
		assertThat(this.sessions.send(closed, "late".getBytes(StandardCharsets.UTF_8)))
			.isCompletedWithValue(SendResult.GONE);
	}

	@Test
	void aClientThatDoesNotReadIsRefusedMoreInsteadOfBufferedWithoutBound() throws IOException {
		try (WireClient client = WireClient.connect(this.listeners.port("counter"))) {
			client.readLine();
			client.send("x\n");
			client.readLine();
			String id = this.counter.sessions.values()
				.stream()
				.filter((session) -> session.remoteAddress().getPort() == client.localPort())
				.map(Session::id)
				.findFirst()
				.orElseThrow();
			byte[] frame = new byte[64 * 1024];
			int sent = 0;
			SendResult result = SendResult.SENT;
			// The client reads nothing: kernel buffers and the output buffer fill, then
			// BUSY.
			while (result == SendResult.SENT && sent < 10_000) {
				result = this.sessions.send(id, frame).toCompletableFuture().join();
				if (result == SendResult.SENT) {
					sent++;
				}
			}
			assertThat(result).isEqualTo(SendResult.BUSY);
			assertThat(sent).as("frames of 64 KB taken before refusing").isLessThan(1_000);
		}
	}

	@Test
	void aFailingServiceClosesOnlyItsOwnSession(CapturedOutput output) throws IOException {
		double before = this.registry.get("wharf.errors")
			.tags("listener", "fragile", "type", "handler")
			.counter()
			.count();
		try (WireClient bystander = WireClient.connect(this.listeners.port("fragile"));
				WireClient victim = WireClient.connect(this.listeners.port("fragile"))) {
			victim.send("boom\n");
			assertThat(victim.readToEnd()).isEmpty();
			bystander.send("still here\n");
			assertThat(bystander.readLine()).isEqualTo("still here\n");
		}
		assertThat(this.registry.get("wharf.errors").tags("listener", "fragile", "type", "handler").counter().count())
			.isEqualTo(before + 1);
		await().atMost(Duration.ofSeconds(10))
			.untilAsserted(() -> assertThat(output).contains("Listener 'fragile' closing session")
				.contains("after its service 'fragile' threw java.lang.IllegalStateException: boom")
				// The service's own line, for the person who wrote it.
				.contains("at io.wharf.api.TestServices"));
		await().atMost(Duration.ofSeconds(10))
			.untilAsserted(() -> assertThat(this.registry.get("wharf.connections.closed")
				.tags("listener", "fragile", "reason", "error")
				.counter()
				.count()).isGreaterThanOrEqualTo(1));
	}

	@Test
	void aServiceKeepsAnIdleSessionOpenAndTheTimeoutStartsAgain() throws IOException {
		try (WireClient client = WireClient.connect(this.listeners.port("keeper"))) {
			// Three idle timeouts in a row, each answered with a keep-alive, the session
			// still open after them.
			for (int i = 0; i < 3; i++) {
				assertThat(client.readLine()).isEqualTo("still here\n");
			}
			client.send("done\n");
			assertThat(client.readLine()).isEqualTo("bye\n");
		}
	}

	@Test
	void aSpringIntegrationFlowCanServeAListenerInsteadOfAServiceBean() throws IOException {
		try (WireClient client = WireClient.connect(this.listeners.port("audit"))) {
			client.send("entry\n");
			assertThat(client.readLine()).isEqualTo("audited entry\n");
		}
	}

	@Test
	void aFlowsTextReplyIsReadTheSameWayOverUdp() throws IOException {
		try (DatagramSocket socket = new DatagramSocket()) {
			socket.setSoTimeout(5000);
			byte[] entry = "entry".getBytes(StandardCharsets.UTF_8);
			socket.send(new DatagramPacket(entry, entry.length, InetAddress.getLoopbackAddress(),
					this.listeners.port("audit-udp")));
			DatagramPacket reply = new DatagramPacket(new byte[64], 64);
			socket.receive(reply);
			assertThat(new String(reply.getData(), 0, reply.getLength(), StandardCharsets.UTF_8))
				.isEqualTo("audited entry");
		}
	}

	private String get(String path) throws IOException, InterruptedException {
		HttpResponse<String> response = HttpClient.newHttpClient()
			.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + this.httpPort + path)).build(),
					HttpResponse.BodyHandlers.ofString());
		assertThat(response.statusCode()).as(path).isEqualTo(200);
		return response.body();
	}

}
