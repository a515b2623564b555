package io.wharf.chart;

import java.io.IOException;
import java.net.DatagramPacket;
import java.net.DatagramSocket;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import io.fabric8.kubernetes.api.model.ConfigMap;
import io.wharf.WireClient;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The real image, built from the Dockerfile by {@code .ci/image}, run as the chart runs
 * it: non-root, read-only root filesystem, the chart's rendered application.yml mounted;
 * then the chart's own Deployment and ConfigMap under {@code podman kube play}, checked
 * with the chart's {@code helm test} script. Runs only when {@code -Dwharf.image} names
 * the image ({@code .ci/image} does).
 */
@EnabledIfSystemProperty(named = "wharf.image", matches = ".+")
class ContainerImageRun {

	private static final String IMAGE = System.getProperty("wharf.image", "");

	private static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory());

	private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();

	private final List<Runnable> teardown = new ArrayList<>();

	@TempDir
	Path work;

	@AfterEach
	void tearDown() {
		this.teardown.forEach(Runnable::run);
	}

	@Test
	void theImageServesAsTheChartRunsIt() throws Exception {
		Path config = Files.createDirectories(this.work.resolve("config"));
		ConfigMap rendered = HelmChart.render(null).named(ConfigMap.class, HelmChartTests.FULLNAME);
		Files.writeString(config.resolve(RenderedConfig.FILE), rendered.getData().get(RenderedConfig.FILE));
		config.toFile().setReadable(true, false);
		config.resolve(RenderedConfig.FILE).toFile().setReadable(true, false);
		Map<String, Integer> ports = new LinkedHashMap<>();
		for (String port : List.of("8080/tcp", "6000/tcp", "6000/udp", "8888/tcp", "8888/udp", "8889/tcp",
				"8890/tcp")) {
			ports.put(port, free());
		}
		List<String> command = new ArrayList<>(List.of("podman", "run", "-d", "--name", "wharf-image-run", "--user",
				"10001:10001", "--read-only", "--tmpfs", "/tmp", "-v", config + ":/etc/wharf:ro", "-e",
				"SPRING_CONFIG_ADDITIONAL_LOCATION=file:/etc/wharf/"));
		ports.forEach((port, host) -> command.addAll(List.of("-p", host + ":" + port)));
		command.add(IMAGE);
		long start = System.nanoTime();
		this.teardown.add(() -> quietly("podman", "rm", "-f", "wharf-image-run"));
		quietly("podman", "rm", "-f", "wharf-image-run");
		run(command);
		awaitReady(ports.get("8080/tcp"));
		System.out.printf("image %s: ready in %.1f s (podman run to readiness UP)%n", IMAGE,
				(System.nanoTime() - start) / 1e9);
		await().atMost(Duration.ofSeconds(30)).ignoreExceptions().untilAsserted(() -> {
			try (WireClient client = WireClient.connect(ports.get("6000/tcp"))) {
				client.readText("Server: Welcome!\nServer: What's your name");
				client.send("Podman\nexit\n");
				assertThat(new String(client.readToEnd(), StandardCharsets.UTF_8)).contains("Server: Hello Podman!")
					.contains("Server: Good bye!");
			}
		});
		await().atMost(Duration.ofSeconds(30)).ignoreExceptions().untilAsserted(() -> {
			try (WireClient client = WireClient.connect(ports.get("8888/tcp"))) {
				client.send("tcp echo");
				assertThat(new String(client.read(8), StandardCharsets.US_ASCII)).isEqualTo("tcp echo");
			}
		});
		await().atMost(Duration.ofSeconds(30)).ignoreExceptions().untilAsserted(() -> {
			try (DatagramSocket socket = new DatagramSocket()) {
				socket.setSoTimeout(2000);
				byte[] ping = "udp echo".getBytes(StandardCharsets.US_ASCII);
				socket.send(new DatagramPacket(ping, ping.length,
						new InetSocketAddress("127.0.0.1", ports.get("8888/udp"))));
				DatagramPacket reply = new DatagramPacket(new byte[64], 64);
				socket.receive(reply);
				assertThat(Arrays.copyOf(reply.getData(), reply.getLength())).isEqualTo(ping);
			}
		});
		String scrape = get(ports.get("8080/tcp"), "/actuator/prometheus");
		assertThat(scrape).contains("wharf_listener_up{").contains("wharf_connections_opened_total{");
		String user = run(List.of("podman", "exec", "wharf-image-run", "id", "-u")).strip();
		assertThat(user).isEqualTo("10001");
	}

	@Test
	void theChartsDeploymentRunsUnderKubePlayAndPassesItsHelmTest() throws Exception {
		String rendered = HelmChart.template(HelmChart.DIRECTORY, null, Map.of(), HelmChart.KUBE_VERSION);
		List<JsonNode> kept = new ArrayList<>();
		Map<String, Integer> hostPorts = new LinkedHashMap<>();
		for (JsonNode document : YAML.readerFor(JsonNode.class).<JsonNode>readValues(rendered).readAll()) {
			String kind = document.path("kind").asText();
			if (kind.equals("ConfigMap")) {
				kept.add(document);
			}
			if (kind.equals("Deployment")) {
				ObjectNode pod = (ObjectNode) document.at("/spec/template/spec");
				ObjectNode container = (ObjectNode) pod.at("/containers/0");
				container.put("image", IMAGE);
				container.put("imagePullPolicy", "Never");
				// No probes in kube play, and no Service: each port is published on the
				// host.
				for (JsonNode port : container.withArray("ports")) {
					int host = free();
					((ObjectNode) port).put("hostPort", host);
					hostPorts.put(port.path("name").asText(), host);
				}
				pod.remove("serviceAccountName");
				// kube play knows the downward API's metadata.name only: the rest become
				// values.
				for (JsonNode variable : container.withArray("env")) {
					String field = variable.at("/valueFrom/fieldRef/fieldPath").asText();
					if (!field.isEmpty() && !field.equals("metadata.name")) {
						((ObjectNode) variable).remove("valueFrom");
						((ObjectNode) variable).put("value",
								field.equals("metadata.namespace") ? HelmChart.NAMESPACE : "podman");
					}
				}
				kept.add(document);
			}
		}
		Path kube = this.work.resolve("wharf-kube.yaml");
		StringBuilder yaml = new StringBuilder();
		for (JsonNode document : kept) {
			yaml.append("---\n").append(YAML.writeValueAsString(document).replaceFirst("^---\\n", ""));
		}
		Files.writeString(kube, yaml);
		this.teardown.add(() -> quietly("podman", "kube", "play", "--down", kube.toString()));
		run(List.of("podman", "kube", "play", "--replace", kube.toString()));
		awaitReady(hostPorts.get("actuator"));
		Map<String, String> environment = Map.of("WHARF_TCP_HOST", "127.0.0.1", "WHARF_UDP_HOST", "127.0.0.1",
				"GREETING_PORT", hostPorts.get("greeting-tcp").toString(), "ECHO_UDP_PORT",
				hostPorts.get("echo-udp").toString(), "TIMEOUT_SECONDS", "10");
		// slirp may reset the first connections: the whole exchange is retried.
		await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofSeconds(1)).untilAsserted(() -> {
			io.wharf.Python.Result result = io.wharf.Python.run(environment, "",
					HelmChart.DIRECTORY.resolve("files/smoke_test.py").toString());
			assertThat(result.exitCode()).as(result.output()).isZero();
			assertThat(result.output()).endsWith("OK\n");
		});
	}

	private void awaitReady(int port) {
		await("readiness UP").atMost(Duration.ofSeconds(120))
			.pollInterval(Duration.ofMillis(250))
			.ignoreExceptions()
			.until(() -> this.http
				.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/actuator/health/readiness"))
					.timeout(Duration.ofSeconds(2))
					.build(), HttpResponse.BodyHandlers.discarding())
				.statusCode() == 200);
	}

	private String get(int port, String path) throws IOException, InterruptedException {
		return this.http
			.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path)).build(),
					HttpResponse.BodyHandlers.ofString())
			.body();
	}

	private static int free() throws IOException {
		try (ServerSocket socket = new ServerSocket(0)) {
			return socket.getLocalPort();
		}
	}

	private static String run(List<String> command) throws IOException, InterruptedException {
		Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
		String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
		assertThat(process.waitFor(120, TimeUnit.SECONDS)).isTrue();
		assertThat(process.exitValue()).as(String.join(" ", command) + "\n" + output).isZero();
		return output;
	}

	private static void quietly(String... command) {
		try {
			new ProcessBuilder(command).redirectErrorStream(true).start().waitFor(60, TimeUnit.SECONDS);
		}
		catch (IOException ex) {
			// Nothing to clean up.
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
		}
	}

}
