package io.wharf.observe.tracing;

import java.net.DatagramPacket;
import java.net.DatagramSocket;
import java.net.InetAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Optional;

import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import io.micrometer.observation.Observation;
import io.micrometer.observation.ObservationRegistry;
import io.opentelemetry.api.common.AttributeKey;
import io.opentelemetry.api.trace.StatusCode;
import io.opentelemetry.sdk.testing.exporter.InMemorySpanExporter;
import io.opentelemetry.sdk.trace.data.SpanData;
import io.wharf.WharfTest;
import io.wharf.WireClient;
import io.wharf.api.Answer;
import io.wharf.api.Session;
import io.wharf.api.SocketService;
import io.wharf.observe.Prometheus;
import io.wharf.transport.Listeners;
import io.wharf.transport.tcp.connection.ConnectionLog;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.slf4j.LoggerFactory;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.test.context.TestPropertySource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * With {@code wharf.tracing.enabled} and every trace sampled, each session and each
 * message a service handles is a span: a service's own observed call is the message's
 * child, a service that throws marks its span, the session's log lines carry its trace,
 * and the latency histogram's buckets link to sampled traces, which a Prometheus with its
 * exemplar storage keeps.
 */
@WharfTest
@TestPropertySource(properties = { "wharf.tracing.enabled=true", "management.tracing.sampling.probability=1.0",
		"wharf.listeners.lookup-line.protocol=tcp", "wharf.listeners.lookup-line.port=0",
		"wharf.listeners.lookup-line.service=lookup", "wharf.listeners.lookup-line.framing.type=line" })
class TracingTests {

	@Autowired
	Listeners listeners;

	@Autowired
	InMemorySpanExporter spans;

	@Value("${local.server.port}")
	int httpPort;

	private final ListAppender<ILoggingEvent> sessionLines = new ListAppender<>();

	@BeforeEach
	void listen() {
		this.sessionLines.start();
		((Logger) LoggerFactory.getLogger(ConnectionLog.class)).addAppender(this.sessionLines);
	}

	@AfterEach
	void stopListening() {
		((Logger) LoggerFactory.getLogger(ConnectionLog.class)).detachAppender(this.sessionLines);
	}

	@Test
	void aSessionAndEachOfItsMessagesAreSpans() throws Exception {
		try (WireClient client = WireClient.connect(this.listeners.port("lookup-line"))) {
			assertThat(client.send("alpha\n").readLine()).isEqualTo("found alpha\n");
		}
		SpanData session = await().atMost(Duration.ofSeconds(10))
			.until(() -> span("session lookup-line", "client_closed"), Optional::isPresent)
			.orElseThrow();
		assertThat(session.getAttributes().asMap()).containsEntry(key("wharf.listener"), "lookup-line")
			.containsEntry(key("wharf.service"), "lookup")
			.containsEntry(key("network.transport"), "tcp")
			.containsEntry(key("wharf.received.messages"), "1")
			.containsEntry(key("wharf.received.bytes"), "6")
			.containsEntry(key("wharf.sent.bytes"), "12");
		String sessionId = session.getAttributes().get(key("wharf.session.id"));
		SpanData frame = spans().stream()
			.filter((span) -> span.getName().equals("frame lookup-line")
					&& sessionId.equals(span.getAttributes().get(key("wharf.session.id"))))
			.findFirst()
			.orElseThrow();
		assertThat(frame.getParentSpanContext().isValid()).as("a message is a trace of its own").isFalse();
		assertThat(frame.getAttributes().asMap()).containsEntry(key("wharf.message.kind"), "frame")
			.containsEntry(key("wharf.message.bytes"), "6");
		SpanData lookup = spans().stream()
			.filter((span) -> span.getName().equals("lookup") && span.getTraceId().equals(frame.getTraceId()))
			.findFirst()
			.orElseThrow();
		assertThat(lookup.getParentSpanId()).as("the service's own call").isEqualTo(frame.getSpanId());
		assertThat(spans()).extracting(SpanData::getName).contains("opened lookup-line", "closed lookup-line");
	}

	@Test
	void aSessionsLogLineCarriesItsTrace() throws Exception {
		try (WireClient client = WireClient.connect(this.listeners.port("lookup-line"))) {
			client.send("beta\n").readLine();
		}
		ILoggingEvent closed = await().atMost(Duration.ofSeconds(10))
			.until(() -> this.sessionLines.list.stream()
				.filter((line) -> line.getFormattedMessage().contains("closed (client_closed)"))
				.findFirst(), Optional::isPresent)
			.orElseThrow();
		String traceId = closed.getMDCPropertyMap().get("traceId");
		assertThat(traceId).isNotBlank();
		SpanData session = await().atMost(Duration.ofSeconds(10))
			.until(() -> spans().stream()
				.filter((span) -> span.getName().equals("session lookup-line") && span.getTraceId().equals(traceId))
				.findFirst(), Optional::isPresent)
			.orElseThrow();
		assertThat(closed.getMDCPropertyMap()).containsEntry("spanId", session.getSpanId())
			.containsEntry("connectionId", session.getAttributes().get(key("wharf.session.id")));
	}

	@Test
	void aServiceThatThrowsMarksItsMessagesSpan() throws Exception {
		try (WireClient client = WireClient.connect(this.listeners.port("lookup-line"))) {
			client.send("boom\n");
			assertThat(client.readToEnd()).isEmpty();
		}
		SpanData failed = await().atMost(Duration.ofSeconds(10))
			.until(() -> spans().stream()
				.filter((span) -> span.getName().equals("frame lookup-line")
						&& span.getStatus().getStatusCode() == StatusCode.ERROR)
				.findFirst(), Optional::isPresent)
			.orElseThrow();
		assertThat(failed.getEvents()).anySatisfy((event) -> assertThat(event.getName()).isEqualTo("exception"));
	}

	@Test
	void aDatagramIsASpan() throws Exception {
		try (DatagramSocket socket = new DatagramSocket()) {
			socket.setSoTimeout(5000);
			byte[] ping = "ping".getBytes(StandardCharsets.US_ASCII);
			socket.send(new DatagramPacket(ping, ping.length, InetAddress.getLoopbackAddress(),
					this.listeners.port("echo-udp")));
			socket.receive(new DatagramPacket(new byte[16], 16));
		}
		await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> assertThat(spans()).anySatisfy((span) -> {
			assertThat(span.getName()).isEqualTo("datagram echo-udp");
			assertThat(span.getAttributes().asMap()).containsEntry(key("network.transport"), "udp")
				.containsEntry(key("wharf.message.bytes"), "4");
		}));
	}

	@Test
	void theLatencyHistogramLinksToSampledTraces() throws Exception {
		try (WireClient client = WireClient.connect(this.listeners.port("lookup-line"))) {
			client.send("gamma\n").readLine();
		}
		HttpResponse<String> scrape = HttpClient.newHttpClient()
			.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + this.httpPort + "/actuator/prometheus"))
				.header("Accept", "application/openmetrics-text; version=1.0.0")
				.build(), HttpResponse.BodyHandlers.ofString());
		assertThat(scrape.body()
			.lines()
			.filter((line) -> line.startsWith("wharf_message_processing_seconds_bucket{")
					&& line.contains("listener=\"lookup-line\""))
			.toList()).anySatisfy((bucket) -> assertThat(bucket).containsPattern("# \\{.*trace_id=\"[0-9a-f]{32}\""));
	}

	@Test
	void prometheusKeepsExemplarsThatNameSampledTraces(@TempDir Path work) throws Exception {
		String series = "wharf_message_processing_seconds_bucket{listener=\"lookup-line\"}";
		try (Prometheus prometheus = Prometheus.keepingExemplars(work, this.httpPort);
				WireClient client = WireClient.connect(this.listeners.port("lookup-line"))) {
			List<String> traceIds = await().atMost(Duration.ofSeconds(30)).until(() -> {
				client.send("delta\n").readLine();
				return prometheus.exemplarTraceIds(series);
			}, (ids) -> !ids.isEmpty());
			await().atMost(Duration.ofSeconds(10))
				.untilAsserted(
						() -> assertThat(spans()).filteredOn((span) -> span.getName().equals("frame lookup-line"))
							.extracting(SpanData::getTraceId)
							.containsAnyElementsOf(traceIds));
		}
	}

	private List<SpanData> spans() {
		return this.spans.getFinishedSpanItems();
	}

	private Optional<SpanData> span(String name, String closeReason) {
		return spans().stream()
			.filter((span) -> span.getName().equals(name)
					&& closeReason.equals(span.getAttributes().get(key("wharf.close.reason"))))
			.findFirst();
	}

	private static AttributeKey<String> key(String name) {
		return AttributeKey.stringKey(name);
	}

	@TestConfiguration(proxyBeanMethods = false)
	static class Services {

		@Bean
		InMemorySpanExporter spans() {
			return InMemorySpanExporter.create();
		}

		/**
		 * Looks each line up through an observed call of its own, as a service calling a
		 * database would.
		 */
		@Bean("lookup")
		SocketService<Void> lookup(ObservationRegistry observations) {
			return new SocketService<>() {

				@Override
				public void received(Session session, @Nullable Void state, byte[] frame, Answer answer) {
					String key = new String(frame, StandardCharsets.UTF_8).strip();
					if (key.equals("boom")) {
						throw new IllegalStateException("boom");
					}
					Observation.createNotStarted("lookup", observations).observe(() -> answer.send("found " + key));
				}

			};
		}

	}

}
