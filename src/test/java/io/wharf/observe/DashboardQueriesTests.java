package io.wharf.observe;

import java.io.IOException;
import java.net.DatagramPacket;
import java.net.DatagramSocket;
import java.net.InetSocketAddress;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLSocket;

import com.jayway.jsonpath.JsonPath;
import io.wharf.TestCertificates;
import io.wharf.WharfTest;
import io.wharf.WireClient;
import io.wharf.transport.Listeners;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A real Prometheus scrapes the running service every second; after traffic through every
 * listener, every query of every dashboard panel (variables substituted) must return
 * data.
 */
@WharfTest
class DashboardQueriesTests {

	private static final TestCertificates.Issued AUTHORITY = TestCertificates.authority("Dashboard CA");

	/** A TLS listener too, so that the TLS row's queries have data. */
	@DynamicPropertySource
	static void tlsListener(DynamicPropertyRegistry registry) throws IOException {
		Path directory = Files.createTempDirectory("wharf-dashboard");
		TestCertificates.server(AUTHORITY, Duration.ofDays(30))
			.write(directory.resolve("server.crt"), directory.resolve("server.key"));
		registry.add("spring.ssl.bundle.pem.dashboard.keystore.certificate",
				() -> "file:" + directory.resolve("server.crt"));
		registry.add("spring.ssl.bundle.pem.dashboard.keystore.private-key",
				() -> "file:" + directory.resolve("server.key"));
		registry.add("wharf.listeners.echo-tls.protocol", () -> "tcp");
		registry.add("wharf.listeners.echo-tls.port", () -> "0");
		registry.add("wharf.listeners.echo-tls.service", () -> "echo");
		registry.add("wharf.listeners.echo-tls.ssl.bundle", () -> "dashboard");
	}

	@Autowired
	private Listeners listeners;

	@Value("${local.server.port}")
	private int httpPort;

	@TempDir
	Path work;

	/**
	 * Every panel but the cluster's, which {@code ClusterDashboardQueriesTests} covers.
	 */
	@Test
	void everyPanelQueryReturnsData() throws Exception {
		try (Prometheus prometheus = Prometheus.scraping(this.work, this.httpPort)) {
			driveTraffic();
			System.gc();
			List<String> queries = Prometheus.dashboardQueries((row) -> !row.equals("Cluster"));
			assertThat(queries).hasSizeGreaterThanOrEqualTo(27);
			prometheus.assertReturnData(queries);
		}
	}

	@Test
	void everyPanelSaysWhatItShowsAndTheVariablesNarrowByJobAndInstance() throws IOException {
		String dashboard = Files.readString(Prometheus.DASHBOARD);
		List<Map<String, Object>> panels = Prometheus.dashboardPanels()
			.stream()
			.filter((panel) -> !"row".equals(panel.get("type")))
			.toList();
		assertThat(panels)
			.allSatisfy((panel) -> assertThat((String) panel.get("description")).as(panel.get("title").toString())
				.isNotBlank());
		List<String> variables = JsonPath.read(dashboard, "$.templating.list[*].name");
		assertThat(variables).containsSubsequence("namespace", "job", "instance", "pod", "listener");
		List<String> overview = JsonPath.read(dashboard, "$.panels[?(@.gridPos.y == 1)].title");
		assertThat(overview).containsExactly("Listeners up", "Active connections", "Messages per second", "Error rate",
				"p99 processing time", "Certificate expiry");
		assertThat(Prometheus.dashboardQueries((row) -> true))
			.allSatisfy((query) -> assertThat(query).doesNotContain("$"));
	}

	@Test
	void theOverviewAndObjectivesOpenWithTheRestCollapsedAndOneCrosshairAcrossPanels() throws IOException {
		String dashboard = Files.readString(Prometheus.DASHBOARD);
		assertThat((Integer) JsonPath.read(dashboard, "$.graphTooltip")).as("shared crosshair").isEqualTo(1);
		List<String> open = JsonPath.read(dashboard, "$.panels[?(@.type == 'row' && @.collapsed == false)].title");
		assertThat(open).containsExactly("Overview", "Objectives");
		List<String> collapsed = JsonPath.read(dashboard, "$.panels[?(@.type == 'row' && @.collapsed == true)].title");
		assertThat(collapsed).contains("Connections", "Latency", "JVM", "Cluster");
		List<String> annotations = JsonPath.read(dashboard, "$.annotations.list[*].expr");
		assertThat(annotations).hasSize(2)
			.anySatisfy((expr) -> assertThat(expr).contains("process_start_time_seconds"))
			.anySatisfy((expr) -> assertThat(expr).contains("wharf_config_changes_total{result=\"applied\""));
	}

	@Test
	void theLatencyPanelShowsExemplarsThatLinkToTraces() throws IOException {
		String dashboard = Files.readString(Prometheus.DASHBOARD);
		List<String> withExemplars = JsonPath.read(dashboard,
				"$..panels[?(@.title == 'Processing time p50 / p90 / p99')].targets[?(@.exemplar == true)].expr");
		assertThat(withExemplars).singleElement()
			.satisfies((expr) -> assertThat(expr).startsWith("histogram_quantile(0.99")
				.contains("wharf_message_processing_seconds_bucket"));
	}

	private void driveTraffic() throws IOException {
		String welcome = "Server: Welcome!\nServer: What's your name";
		try (WireClient client = WireClient.connect(this.listeners.port("greeting-tcp"))) {
			client.readText(welcome);
			client.send("Dash\nexit\n");
			client.readToEnd();
		}
		try (WireClient client = WireClient.connect(this.listeners.port("echo-line"))) {
			client.send("line\n");
			client.readLine();
		}
		try (WireClient client = WireClient.connect(this.listeners.port("echo-tcp"))) {
			client.send("raw");
			client.read(3);
		}
		try (WireClient client = WireClient.connect(this.listeners.port("echo-framed"))) {
			client.send(new byte[] { 0, 0, 0, 1, 'x' });
			client.read(5);
		}
		SSLContext tls = TestCertificates.clientContext(AUTHORITY, null);
		try (SSLSocket socket = (SSLSocket) tls.getSocketFactory()
			.createSocket("127.0.0.1", this.listeners.port("echo-tls"))) {
			socket.setSoTimeout(5000);
			socket.getOutputStream().write('t');
			socket.getInputStream().read();
		}
		try (DatagramSocket socket = new DatagramSocket()) {
			socket.setSoTimeout(5000);
			for (String listener : new String[] { "echo-udp", "greeting-udp" }) {
				socket.send(new DatagramPacket(new byte[] { 'u' }, 1,
						new InetSocketAddress("127.0.0.1", this.listeners.port(listener))));
				socket.receive(new DatagramPacket(new byte[1024], 1024));
			}
		}
	}

}
