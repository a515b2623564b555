package io.wharf.chart;

import java.io.IOException;
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
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import org.springframework.util.FileSystemUtils;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The Dockerfile's build steps on the packaged jar, without Docker: the layers it copies
 * are the jar's layers, and the layout it assembles starts the service with the image's
 * own java flags. Runs after {@code package} (failsafe).
 */
class ContainerImageLayoutIT {

	private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();

	@TempDir
	private Path work;

	@Test
	void dockerfileCopiesEveryLayerOfTheJarInTheJarsOrder() throws Exception {
		List<String> layers = run(List.of(java(), "-Djarmode=tools", "-jar", jar().toString(), "list-layers")).lines()
			.map(String::strip)
			.filter((line) -> !line.isEmpty())
			.toList();
		List<String> copied = Dockerfile.read()
			.arguments("COPY")
			.stream()
			.filter((arguments) -> arguments.startsWith("--from=build /layers/"))
			.map((arguments) -> arguments.substring("--from=build /layers/".length(), arguments.indexOf("/ ")))
			.toList();
		assertThat(copied).isEqualTo(layers).contains("dependencies", "application");
	}

	@Test
	void imageLayoutStartsWithTheImagesJavaFlags() throws Exception {
		Path layers = this.work.resolve("layers");
		run(List.of(java(), "-Djarmode=tools", "-jar", jar().toString(), "extract", "--layers", "--destination",
				layers.toString()));
		Path app = this.work.resolve("app");
		Files.createDirectories(app);
		try (Stream<Path> each = Files.list(layers)) {
			for (Path layer : each.toList()) {
				FileSystemUtils.copyRecursively(layer, app);
			}
		}
		try (Stream<Path> jars = Files.list(app).filter((file) -> file.getFileName().toString().endsWith(".jar"))) {
			Files.move(jars.findFirst().orElseThrow(), app.resolve("wharf.jar"));
		}

		List<String> command = new ArrayList<>();
		for (String part : Dockerfile.read().entrypoint()) {
			// The AOT cache belongs to the image's JDK 25; the rest is what the image
			// runs.
			if (!part.startsWith("-XX:AOTCache=")) {
				command.add(part.replace("/app/", app + "/"));
			}
		}
		command.set(0, java());
		int http = freePort();
		command.add("--server.port=" + http);
		for (String listener : List.of("greeting-tcp", "greeting-udp", "echo-tcp", "echo-udp", "echo-line",
				"echo-framed")) {
			command.add("--wharf.listeners." + listener + ".port=0");
		}
		Process process = new ProcessBuilder(command).directory(app.toFile())
			.redirectErrorStream(true)
			.redirectOutput(this.work.resolve("wharf.log").toFile())
			.start();
		try {
			await().atMost(Duration.ofSeconds(60))
				.pollInterval(Duration.ofMillis(200))
				.until(() -> ready(http) || !process.isAlive());
			assertThat(process.isAlive()).as(Files.readString(this.work.resolve("wharf.log"))).isTrue();
			assertThat(get(http, HelmChart.PROMETHEUS).body()).contains("wharf_listener_up{");
		}
		finally {
			process.destroy();
			process.waitFor(30, TimeUnit.SECONDS);
		}
	}

	private boolean ready(int port) {
		try {
			return get(port, HelmChart.READINESS).statusCode() == 200;
		}
		catch (IOException ex) {
			return false;
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			return false;
		}
	}

	private HttpResponse<String> get(int port, String path) throws IOException, InterruptedException {
		return this.http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path)).build(),
				HttpResponse.BodyHandlers.ofString());
	}

	private static Path jar() throws IOException {
		try (Stream<Path> files = Files.list(Path.of("target"))) {
			return files.filter((file) -> file.getFileName().toString().matches("wharf-[0-9.]+(-SNAPSHOT)?\\.jar"))
				.findFirst()
				.orElseThrow(() -> new IllegalStateException("no packaged jar in target/; run ./mvnw verify"));
		}
	}

	private static String java() {
		return Path.of(System.getProperty("java.home"), "bin", "java").toString();
	}

	private static String run(List<String> command) throws IOException, InterruptedException {
		Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
		String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
		assertThat(process.waitFor(60, TimeUnit.SECONDS)).isTrue();
		assertThat(process.exitValue()).as(output).isZero();
		return output;
	}

	private static int freePort() throws IOException {
		try (ServerSocket socket = new ServerSocket(0)) {
			return socket.getLocalPort();
		}
	}

}
