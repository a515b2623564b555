package io.wharf.observe;

import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;

import com.jayway.jsonpath.JsonPath;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * A real Prometheus (Debian's package) that scrapes Wharf targets every second, and the
 * queries of the shipped Grafana dashboard, for the tests that check every panel returns
 * data.
 */
public final class Prometheus implements AutoCloseable {

	static final Path DASHBOARD = Path.of("helm", "wharf", "dashboards", "wharf.json");

	private final Process process;

	private final int port;

	private final HttpClient http = HttpClient.newHttpClient();

	private Prometheus(Process process, int port) {
		this.process = process;
		this.port = port;
	}

	/**
	 * Starts Prometheus scraping Actuator on the given ports, and waits until it scrapes.
	 * @param work a directory for its configuration and data
	 * @param httpPorts the Actuator ports of the Wharf instances
	 * @return the running Prometheus
	 * @throws IOException if it cannot start
	 */
	public static Prometheus scraping(Path work, int... httpPorts) throws IOException {
		return start(work, List.of(), httpPorts);
	}

	/**
	 * Starts Prometheus with its exemplar storage on, as the dashboard's exemplars need.
	 * @param work a directory for its configuration and data
	 * @param httpPorts the Actuator ports of the Wharf instances
	 * @return the running Prometheus
	 * @throws IOException if it cannot start
	 */
	public static Prometheus keepingExemplars(Path work, int... httpPorts) throws IOException {
		return start(work, List.of("--enable-feature=exemplar-storage"), httpPorts);
	}

	private static Prometheus start(Path work, List<String> flags, int... httpPorts) throws IOException {
		Promtool.require();
		int port;
		try (ServerSocket socket = new ServerSocket(0)) {
			port = socket.getLocalPort();
		}
		StringBuilder targets = new StringBuilder();
		for (int httpPort : httpPorts) {
			targets.append(targets.isEmpty() ? "" : ", ").append("\"127.0.0.1:").append(httpPort).append('"');
		}
		Path config = work.resolve("prometheus.yml");
		Files.writeString(config, """
				global:
				  scrape_interval: 1s
				  evaluation_interval: 1s
				scrape_configs:
				  - job_name: wharf
				    metrics_path: /actuator/prometheus
				    static_configs:
				      - targets: [%s]
				""".formatted(targets));
		List<String> command = new ArrayList<>(List.of("prometheus", "--config.file=" + config,
				"--storage.tsdb.path=" + work.resolve("data"), "--web.listen-address=127.0.0.1:" + port));
		command.addAll(flags);
		Process process = new ProcessBuilder(command).redirectErrorStream(true)
			.redirectOutput(work.resolve("prometheus.log").toFile())
			.start();
		Prometheus prometheus = new Prometheus(process, port);
		// Prometheus refuses connections until it has bound its port: keep asking.
		await().atMost(Duration.ofSeconds(60))
			.ignoreExceptionsInstanceOf(IOException.class)
			.until(() -> !prometheus.results("up{job=\"wharf\"} == 1").isEmpty());
		return prometheus;
	}

	/**
	 * Runs a query.
	 * @param query PromQL
	 * @return the result vector; empty when there is none or Prometheus refused
	 */
	List<Object> results(String query) throws IOException, InterruptedException {
		URI uri = URI.create("http://127.0.0.1:" + this.port + "/api/v1/query?query="
				+ URLEncoder.encode(query, StandardCharsets.UTF_8));
		HttpResponse<String> response = this.http.send(HttpRequest.newBuilder(uri).build(),
				HttpResponse.BodyHandlers.ofString());
		if (response.statusCode() != 200) {
			return List.of();
		}
		return JsonPath.read(response.body(), "$.data.result");
	}

	/**
	 * The trace ids of the exemplars Prometheus keeps for a query's series over the last
	 * ten minutes.
	 * @param query PromQL
	 * @return the exemplars' {@code trace_id} labels; empty when there are none
	 */
	public List<String> exemplarTraceIds(String query) throws IOException, InterruptedException {
		long now = System.currentTimeMillis() / 1000;
		URI uri = URI.create("http://127.0.0.1:" + this.port + "/api/v1/query_exemplars?query="
				+ URLEncoder.encode(query, StandardCharsets.UTF_8) + "&start=" + (now - 600) + "&end=" + (now + 60));
		HttpResponse<String> response = this.http.send(HttpRequest.newBuilder(uri).build(),
				HttpResponse.BodyHandlers.ofString());
		if (response.statusCode() != 200) {
			return List.of();
		}
		return JsonPath.read(response.body(), "$.data[*].exemplars[*].labels.trace_id");
	}

	/**
	 * The dashboard's panels, rows included, in order: a collapsed row carries its
	 * panels, which follow it here.
	 * @return the panels
	 */
	static List<Map<String, Object>> dashboardPanels() throws IOException {
		List<Map<String, Object>> top = JsonPath.read(Files.readString(DASHBOARD), "$.panels[*]");
		List<Map<String, Object>> panels = new ArrayList<>();
		for (Map<String, Object> panel : top) {
			panels.add(panel);
			if (panel.get("panels") instanceof List<?> inside) {
				inside.forEach((each) -> panels.add(JsonPath.read(each, "$")));
			}
		}
		return panels;
	}

	/**
	 * The queries of the dashboard's panels, with every variable matching anything.
	 * @param row which rows' panels, by the row's title
	 * @return the queries
	 */
	public static List<String> dashboardQueries(Predicate<String> row) throws IOException {
		List<String> queries = new ArrayList<>();
		String current = "";
		for (Map<String, Object> panel : dashboardPanels()) {
			if ("row".equals(panel.get("type"))) {
				current = (String) panel.get("title");
				continue;
			}
			if (!row.test(current)) {
				continue;
			}
			List<String> expressions = JsonPath.read(panel, "$.targets[*].expr");
			expressions.forEach((expr) -> queries.add(expr.replace("$namespace", ".*")
				.replace("$pod", ".*")
				.replace("$job", ".*")
				.replace("$instance", ".*")
				.replace("$listener", ".*")
				.replace("$__rate_interval", "30s")));
		}
		return queries;
	}

	/**
	 * Checks that every query returns data within 30 seconds of scraping.
	 * @param queries the queries
	 */
	public void assertReturnData(List<String> queries) {
		for (String query : queries) {
			await().atMost(Duration.ofSeconds(30))
				.pollInterval(Duration.ofMillis(500))
				.ignoreExceptionsInstanceOf(IOException.class)
				.untilAsserted(() -> assertThat(results(query)).as(query).isNotEmpty());
		}
	}

	@Override
	public void close() throws InterruptedException {
		this.process.destroy();
		this.process.waitFor(10, TimeUnit.SECONDS);
	}

}
