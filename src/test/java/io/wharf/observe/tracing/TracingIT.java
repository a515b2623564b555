package io.wharf.observe.tracing;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import io.opentelemetry.proto.collector.trace.v1.ExportTraceServiceRequest;
import io.opentelemetry.proto.collector.trace.v1.ExportTraceServiceResponse;
import io.opentelemetry.proto.common.v1.KeyValue;
import io.opentelemetry.proto.trace.v1.ResourceSpans;
import io.opentelemetry.proto.trace.v1.Span;
import io.wharf.PackagedJar;
import io.wharf.WireClient;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The packaged server with tracing switched on, as an operator switches it on, sends its
 * spans to an OTLP endpoint over HTTP (a receiver this test runs, decoding the protobuf
 * messages as a collector would): a session's and its message's, with the service's name
 * as the resource. Its JSON log line of the session carries the session's trace id, and
 * the OpenMetrics scrape links the latency histogram to a trace.
 */
class TracingIT {

	@TempDir
	private Path work;

	private final List<ResourceSpans> received = new CopyOnWriteArrayList<>();

	private HttpServer receiver;

	private Process server;

	@AfterEach
	void stop() throws InterruptedException {
		if (this.server != null) {
			this.server.destroy();
			this.server.waitFor();
		}
		if (this.receiver != null) {
			this.receiver.stop(0);
		}
	}

	@Test
	void spansReachAnOtlpEndpointAndLogLinesAndExemplarsLinkToThem() throws Exception {
		this.receiver = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
		this.receiver.createContext("/v1/traces", this::receive);
		this.receiver.start();
		int http = freePort();
		Path log = this.work.resolve("wharf.log");
		this.server = new ProcessBuilder(PackagedJar.java(), "-jar", PackagedJar.exec().toString(),
				"--server.port=" + http, "--wharf.listeners.echo-line.port=0",
				"--wharf.listeners.greeting-tcp.enabled=false", "--wharf.listeners.greeting-udp.enabled=false",
				"--wharf.listeners.echo-tcp.enabled=false", "--wharf.listeners.echo-udp.enabled=false",
				"--wharf.listeners.echo-framed.enabled=false", "--wharf.tracing.enabled=true",
				"--management.tracing.sampling.probability=1.0",
				"--management.opentelemetry.tracing.export.otlp.endpoint=http://127.0.0.1:"
						+ this.receiver.getAddress().getPort() + "/v1/traces",
				"--logging.structured.format.console=logstash")
			.redirectErrorStream(true)
			.redirectOutput(log.toFile())
			.start();
		await().atMost(Duration.ofSeconds(60))
			.failFast(() -> !this.server.isAlive())
			.until(() -> Files.readString(log).contains("Serving "));
		try (WireClient client = WireClient.connect(echoPort(log))) {
			assertThat(client.send("hello\n").readLine()).isEqualTo("hello\n");
		}

		Span session = await().atMost(Duration.ofSeconds(30))
			.until(() -> span("session echo-line"), Optional::isPresent)
			.orElseThrow();
		assertThat(attributes(session)).containsEntry("wharf.listener", "echo-line")
			.containsEntry("wharf.service", "echo")
			.containsEntry("wharf.close.reason", "client_closed")
			.containsEntry("wharf.received.bytes", "6");
		Span frame = await().atMost(Duration.ofSeconds(30))
			.until(() -> span("frame echo-line"), Optional::isPresent)
			.orElseThrow();
		assertThat(attributes(frame)).containsEntry("wharf.session.id", attributes(session).get("wharf.session.id"));
		assertThat(this.received)
			.allSatisfy((spans) -> assertThat(spans.getResource().getAttributesList()).anySatisfy((attribute) -> {
				assertThat(attribute.getKey()).isEqualTo("service.name");
				assertThat(attribute.getValue().getStringValue()).isEqualTo("wharf");
			}));

		JsonNode closedLine = sessionLine(log, "closed (client_closed)");
		assertThat(closedLine.path("traceId").asText()).isEqualTo(hex(session.getTraceId().toByteArray()));
		assertThat(closedLine.path("spanId").asText()).isEqualTo(hex(session.getSpanId().toByteArray()));

		String scrape = HttpClient.newHttpClient()
			.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + http + "/actuator/prometheus"))
				.header("Accept", "application/openmetrics-text; version=1.0.0")
				.build(), HttpResponse.BodyHandlers.ofString())
			.body();
		assertThat(scrape.lines()
			.filter((line) -> line.startsWith("wharf_message_processing_seconds_bucket{")
					&& line.contains("listener=\"echo-line\""))
			.toList()).anySatisfy((bucket) -> assertThat(bucket).containsPattern("# \\{.*trace_id=\"[0-9a-f]{32}\""));
	}

	private void receive(HttpExchange exchange) throws IOException {
		try (InputStream in = exchange.getRequestBody()) {
			this.received.addAll(ExportTraceServiceRequest.parseFrom(in).getResourceSpansList());
		}
		byte[] answer = ExportTraceServiceResponse.getDefaultInstance().toByteArray();
		exchange.getResponseHeaders().add("Content-Type", "application/x-protobuf");
		exchange.sendResponseHeaders(200, answer.length);
		try (OutputStream out = exchange.getResponseBody()) {
			out.write(answer);
		}
	}

	private Optional<Span> span(String name) {
		return this.received.stream()
			.flatMap((resource) -> resource.getScopeSpansList().stream())
			.flatMap((scope) -> scope.getSpansList().stream())
			.filter((span) -> span.getName().equals(name))
			.findFirst();
	}

	private static Map<String, String> attributes(Span span) {
		return span.getAttributesList()
			.stream()
			.collect(Collectors.toMap(KeyValue::getKey, (attribute) -> attribute.getValue().getStringValue()));
	}

	private static JsonNode sessionLine(Path log, String text) throws IOException {
		ObjectMapper json = new ObjectMapper();
		for (String line : Files.readAllLines(log)) {
			if (line.startsWith("{") && line.contains(text)) {
				return json.readTree(line);
			}
		}
		throw new AssertionError("no JSON log line with '" + text + "' in\n" + Files.readString(log));
	}

	private static int echoPort(Path log) throws IOException {
		Matcher port = Pattern.compile("  echo-line +tcp +\\*:(\\d+)").matcher(Files.readString(log));
		assertThat(port.find()).as("echo-line in the start-up table").isTrue();
		return Integer.parseInt(port.group(1));
	}

	private static String hex(byte[] bytes) {
		return HexFormat.of().formatHex(bytes);
	}

	private static int freePort() throws IOException {
		try (ServerSocket socket = new ServerSocket(0)) {
			return socket.getLocalPort();
		}
	}

}
