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
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

import io.wharf.PackagedJar;
import io.wharf.WireClient;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import org.springframework.util.FileSystemUtils;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The Dockerfile's build steps on the packaged jar, without Docker: the layers it copies
 * are the jar's layers, and the layout it assembles starts the service with the image's
 * own java flags, on Spring AOT's generated code unless the configuration decides other
 * beans. Runs after {@code package} (failsafe).
 */
class ContainerImageLayoutIT {

	private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();

	@TempDir
	private Path work;

	@Test
	void dockerfileCopiesEveryLayerOfTheJarInTheJarsOrder() throws Exception {
		List<String> layers = run(
				List.of(PackagedJar.java(), "-Djarmode=tools", "-jar", PackagedJar.exec().toString(), "list-layers"))
			.lines()
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
	void imageLayoutStartsWithTheImagesJavaFlagsAndTheChartsConfigurationOnSpringAot() throws Exception {
		Path config = this.work.resolve("config");
		Files.createDirectories(config);
		Files.writeString(config.resolve(RenderedConfig.FILE), RenderedConfig.of(HelmChart.render(null)).text());
		int greeting = freePort();
		int echoUdp = freeUdpPort();
		try (Started wharf = start("--spring.config.additional-location=file:" + config + "/",
				"--wharf.listeners.greeting-tcp.port=" + greeting, "--wharf.listeners.echo-udp.port=" + echoUdp)) {
			assertThat(wharf.log()).contains("Starting AOT-processed WharfApplication")
				.doesNotContain("Starting without Spring AOT");
			assertThat(get(wharf.http(), HelmChart.PROMETHEUS).body()).contains("wharf_listener_up{");
			try (WireClient client = WireClient.connect(greeting)) {
				String opening = "Server: Welcome!\nServer: What's your name";
				assertThat(client.readText(opening)).isEqualTo(opening);
				client.send("Leyden\n");
				assertThat(client.readText("Server: Hello Leyden!\n")).isEqualTo("Server: Hello Leyden!\n");
			}
			assertThat(udpEcho(echoUdp, "fast start")).isEqualTo("fast start");
		}
	}

	@Test
	void configurationThatDecidesOtherBeansStartsWithoutSpringAotAndSaysWhy() throws Exception {
		try (Started wharf = start("--management.endpoints.web.exposure.include=health,loggers")) {
			assertThat(wharf.log()).contains("Starting without Spring AOT")
				.contains("management.endpoints.web.exposure.include is 'health,loggers', "
						+ "was 'health, info, prometheus, sockets, sbom' at build time")
				.doesNotContain("Starting AOT-processed");
			// The change takes effect: an endpoint Spring AOT's definitions lack.
			assertThat(get(wharf.http(), "/actuator/loggers").statusCode()).isEqualTo(200);
		}
	}

	@Test
	void trainingRunServesEveryListenerAndExits() throws Exception {
		Path app = this.work.resolve("app");
		assemble(app);
		List<String> command = new ArrayList<>();
		for (String part : Dockerfile.read().trainingRun()) {
			if (Dockerfile.jdk25Only(part)) {
				continue;
			}
			// JDK 17 writes a class data sharing archive where the image's JDK 25 writes
			// its AOT cache.
			command.add(part.startsWith("-XX:AOTCacheOutput=")
					? "-XX:ArchiveClassesAtExit=" + this.work.resolve("training.jsa")
					: part.replace("/app/", app + "/"));
		}
		command.set(0, PackagedJar.java());
		command.add("--server.port=0");
		addFreePorts(command);
		String output = run(command);
		assertThat(output).contains("Starting AOT-processed WharfApplication")
			.contains("Training run: 5 Actuator paths and 6 listeners answered");
		assertThat(this.work.resolve("training.jsa")).isNotEmptyFile();
	}

	/**
	 * Starts the image's layout with the ENTRYPOINT's flags (but the AOT cache and
	 * compact headers, which belong to the image's JDK 25) and waits until it is ready.
	 */
	private Started start(String... args) throws Exception {
		Path app = this.work.resolve("app");
		if (!Files.exists(app)) {
			assemble(app);
		}
		List<String> command = new ArrayList<>();
		for (String part : Dockerfile.read().entrypoint()) {
			if (!Dockerfile.jdk25Only(part)) {
				command.add(part.replace("/app/", app + "/"));
			}
		}
		command.set(0, PackagedJar.java());
		int http = freePort();
		command.add("--server.port=" + http);
		command.addAll(List.of(args));
		addFreePorts(command);
		Path log = Files.createTempFile(this.work, "wharf", ".log");
		Process process = new ProcessBuilder(command).directory(app.toFile())
			.redirectErrorStream(true)
			.redirectOutput(log.toFile())
			.start();
		Started started = new Started(process, http, log);
		try {
			await().atMost(Duration.ofSeconds(60))
				.pollInterval(Duration.ofMillis(200))
				.until(() -> ready(http) || !process.isAlive());
			assertThat(process.isAlive()).as(started.log()).isTrue();
			return started;
		}
		catch (RuntimeException | Error ex) {
			started.close();
			throw ex;
		}
	}

	/**
	 * Puts every default listener on port 0 unless the command names its port already (a
	 * repeated argument would bind as "0,6000").
	 */
	private static void addFreePorts(List<String> command) {
		for (String listener : List.of("greeting-tcp", "greeting-udp", "echo-tcp", "echo-udp", "echo-line",
				"echo-framed")) {
			String port = "--wharf.listeners." + listener + ".port=";
			if (command.stream().noneMatch((arg) -> arg.startsWith(port))) {
				command.add(port + "0");
			}
		}
	}

	private void assemble(Path app) throws Exception {
		Path layers = this.work.resolve("layers");
		run(List.of(PackagedJar.java(), "-Djarmode=tools", "-jar", PackagedJar.exec().toString(), "extract", "--layers",
				"--destination", layers.toString()));
		Files.createDirectories(app);
		try (Stream<Path> each = Files.list(layers)) {
			for (Path layer : each.toList()) {
				FileSystemUtils.copyRecursively(layer, app);
			}
		}
		try (Stream<Path> jars = Files.list(app).filter((file) -> file.getFileName().toString().endsWith(".jar"))) {
			Files.move(jars.findFirst().orElseThrow(), app.resolve("wharf.jar"));
		}
	}

	private static String udpEcho(int port, String text) throws IOException {
		byte[] payload = text.getBytes(StandardCharsets.UTF_8);
		try (DatagramSocket socket = new DatagramSocket()) {
			socket.setSoTimeout(5000);
			socket.send(new DatagramPacket(payload, payload.length, new InetSocketAddress("127.0.0.1", port)));
			DatagramPacket reply = new DatagramPacket(new byte[1024], 1024);
			socket.receive(reply);
			return new String(reply.getData(), 0, reply.getLength(), StandardCharsets.UTF_8);
		}
	}

	/** A started Wharf process; closing stops it. */
	private record Started(Process process, int http, Path logFile) implements AutoCloseable {

		String log() throws IOException {
			return Files.readString(this.logFile);
		}

		@Override
		public void close() throws InterruptedException {
			this.process.destroy();
			this.process.waitFor(30, TimeUnit.SECONDS);
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

	private static int freeUdpPort() throws IOException {
		try (DatagramSocket socket = new DatagramSocket(0)) {
			return socket.getLocalPort();
		}
	}

}
