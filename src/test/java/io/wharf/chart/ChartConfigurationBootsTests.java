package io.wharf.chart;

import java.net.DatagramPacket;
import java.net.DatagramSocket;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;
import io.fabric8.kubernetes.api.model.ConfigMap;
import io.fabric8.kubernetes.api.model.Container;
import io.fabric8.kubernetes.api.model.EnvVar;
import io.fabric8.kubernetes.api.model.Pod;
import io.fabric8.kubernetes.api.model.Service;
import io.fabric8.kubernetes.api.model.ServicePort;
import io.fabric8.kubernetes.api.model.VolumeMount;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import io.fabric8.openshift.api.model.monitoring.v1.ServiceMonitor;
import io.wharf.Python;
import io.wharf.WharfApplication;
import io.wharf.WireClient;
import io.wharf.api.Answer;
import io.wharf.api.Session;
import io.wharf.api.SocketService;
import io.wharf.observe.tracing.Tracing;
import io.wharf.transport.Listeners;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import org.springframework.boot.autoconfigure.EnableAutoConfiguration;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.context.annotation.Bean;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The configuration the chart renders boots the real service: the ConfigMap's
 * application.yml, mounted where the Deployment mounts it and found through the
 * Deployment's own environment, with only the ports remapped to free ones. Then a
 * greeting conversation, a UDP echo, the probe and scrape paths the Deployment and the
 * ServiceMonitor name, and the {@code helm test} script, all against it.
 */
class ChartConfigurationBootsTests {

	private static final String POD_NAME = "edge-wharf-7d9c-x2x4q";

	private final HttpClient http = HttpClient.newHttpClient();

	@TempDir
	private Path work;

	@ParameterizedTest(name = "{0}")
	@ValueSource(strings = { "defaults", "custom-listeners-values.yaml" })
	void chartConfigurationBootsTheService(String scenario) throws Exception {
		Manifests manifests = HelmChart.renderWithTests(scenario.equals("defaults") ? null : scenario,
				Map.of("metrics.serviceMonitor.enabled", true), this.work.resolve("chart"));
		RenderedConfig config = RenderedConfig.of(manifests);
		Container container = HelmChartTests.container(manifests.one(Deployment.class));
		try (ConfigurableApplicationContext context = boot(WharfApplication.class, manifests, config, container)) {
			Listeners listeners = context.getBean(Listeners.class);
			assertThat(listeners.bound()).containsOnlyKeys(config.enabledListeners().keySet());
			int actuator = Integer.parseInt(context.getEnvironment().getProperty("local.server.port", "-1"));

			probesAnswerUp(container, actuator);
			String scrapePath = manifests.one(ServiceMonitor.class).getSpec().getEndpoints().get(0).getPath();
			HttpResponse<String> scrape = get(actuator, scrapePath);
			assertThat(scrape.statusCode()).isEqualTo(200);
			assertThat(scrape.body()).contains("wharf_listener_up{");
			config.tree()
				.at("/management/metrics/tags")
				.properties()
				.forEach((tag) -> assertThat(scrape.body()).as("config override of a common tag")
					.contains(tag.getKey() + "=\"" + tag.getValue().asText()));
			assertThat(get(actuator, "/actuator/info").body()).contains("\"pod\":\"" + POD_NAME + "\"");
			assertThat(get(actuator, "/actuator").body()).as("no session tap from the chart's configuration")
				.contains("/actuator/sockets")
				.doesNotContain("/actuator/tap");

			assertThat(context.getBeanNamesForType(Tracing.class)).as("traced as the values say")
				.hasSize(config.tree().at("/wharf/tracing/enabled").asBoolean() ? 1 : 0);
			greetingConversation(config, listeners);
			udpEcho(config, listeners);
			helmTestScript(manifests, config, listeners);
		}
	}

	/**
	 * An application of one's own deployed with the chart (its own image, its own
	 * service, the server's listeners switched off in the values): the rendered
	 * configuration binds its listener only, and the probes the Deployment names answer
	 * UP, readiness with the listeners in it.
	 */
	@Test
	void anApplicationOfOnesOwnRunsOnTheChart() throws Exception {
		Manifests manifests = HelmChart.renderWithTests("own-application-values.yaml",
				Map.of("metrics.serviceMonitor.enabled", true), this.work.resolve("chart"));
		RenderedConfig config = RenderedConfig.of(manifests);
		assertThat(config.enabledListeners()).containsOnlyKeys("chat");
		Container container = HelmChartTests.container(manifests.one(Deployment.class));
		assertThat(container.getImage()).isEqualTo("registry.example.com/chat:1.0.0");
		try (ConfigurableApplicationContext context = boot(ChatApplication.class, manifests, config, container)) {
			assertThat(context.getBean(Listeners.class).bound()).containsOnlyKeys("chat");
			assertThat(context.containsBean("greeting")).isFalse();
			int actuator = Integer.parseInt(context.getEnvironment().getProperty("local.server.port", "-1"));
			probesAnswerUp(container, actuator);
			// The listeners are in the readiness group: the group answers for them by
			// name.
			assertThat(get(actuator, container.getReadinessProbe().getHttpGet().getPath() + "/listeners").statusCode())
				.isEqualTo(200);
			String scrapePath = manifests.one(ServiceMonitor.class).getSpec().getEndpoints().get(0).getPath();
			assertThat(get(actuator, scrapePath).body()).contains("wharf_listener_up{");
			try (WireClient client = WireClient.connect(context.getBean(Listeners.class).port("chat"))) {
				client.send("hello\n");
				assertThat(client.readText("HELLO\n")).isEqualTo("HELLO\n");
			}
		}
	}

	private void probesAnswerUp(Container container, int actuator) throws Exception {
		for (String path : List.of(container.getStartupProbe().getHttpGet().getPath(),
				container.getLivenessProbe().getHttpGet().getPath(),
				container.getReadinessProbe().getHttpGet().getPath())) {
			HttpResponse<String> probe = get(actuator, path);
			assertThat(probe.statusCode()).as(path).isEqualTo(200);
			assertThat(probe.body()).as(path).contains("\"status\":\"UP\"");
		}
	}

	private ConfigurableApplicationContext boot(Class<?> application, Manifests manifests, RenderedConfig config,
			Container container) throws Exception {
		Path mounted = this.work.resolve("etc-wharf");
		Files.createDirectories(mounted);
		Files.writeString(mounted.resolve(RenderedConfig.FILE), config.text());
		VolumeMount configMount = container.getVolumeMounts()
			.stream()
			.filter((mount) -> mount.getName().equals("config"))
			.findFirst()
			.orElseThrow();
		assertThat(manifests.one(Deployment.class).getSpec().getTemplate().getSpec().getVolumes())
			.filteredOn((volume) -> volume.getName().equals("config"))
			.singleElement()
			.satisfies((volume) -> assertThat(volume.getConfigMap().getName())
				.isEqualTo(manifests.all(ConfigMap.class).get(0).getMetadata().getName()));

		List<String> args = new ArrayList<>();
		for (EnvVar variable : container.getEnv()) {
			String value = (variable.getValueFrom() != null) ? fieldValue(variable) : variable.getValue();
			if (variable.getName().equals("SPRING_CONFIG_ADDITIONAL_LOCATION")) {
				args.add("--spring.config.additional-location="
						+ value.replace(configMount.getMountPath(), mounted.toString()));
			}
			else {
				args.add("--" + variable.getName() + "=" + value);
			}
		}
		args.add("--server.port=0");
		config.listeners().keySet().forEach((name) -> args.add("--wharf.listeners." + name + ".port=0"));
		return new SpringApplicationBuilder(application).run(args.toArray(String[]::new));
	}

	private static String fieldValue(EnvVar variable) {
		return switch (variable.getValueFrom().getFieldRef().getFieldPath()) {
			case "metadata.name" -> POD_NAME;
			case "metadata.namespace" -> HelmChart.NAMESPACE;
			case "spec.nodeName" -> "node-a";
			case "status.podIP" -> "127.0.0.1";
			default -> throw new AssertionError("unexpected field " + variable.getValueFrom().getFieldRef());
		};
	}

	private static void greetingConversation(RenderedConfig config, Listeners listeners) throws Exception {
		String name = firstListener(config, "tcp", "greeting");
		JsonNode greeting = config.tree().at("/wharf/greeting");
		String welcome = greeting.path("welcome").asText("Server: Welcome!\n");
		String prompt = greeting.path("prompt").asText("Server: What's your name");
		if (config.listeners().get(name).at("/framing/type").asText().equals("line")) {
			prompt += "\n"; // line framing ends every reply with a line break
		}
		try (WireClient client = WireClient.connect(listeners.port(name))) {
			assertThat(client.readText(welcome + prompt)).isEqualTo(welcome + prompt);
			client.send("Kubernetes\n");
			String hello = "Server: Hello Kubernetes!\n" + prompt;
			assertThat(client.readText(hello)).isEqualTo(hello);
			client.send(greeting.path("exit-words").path(0).asText("exit") + "\n");
			assertThat(new String(client.readToEnd(), StandardCharsets.UTF_8)).isEqualTo("Server: Good bye!\n");
		}
	}

	private static void udpEcho(RenderedConfig config, Listeners listeners) throws Exception {
		int port = listeners.port(firstListener(config, "udp", "echo"));
		byte[] payload = "chart \u0000 datagram".getBytes(StandardCharsets.UTF_8);
		try (DatagramSocket socket = new DatagramSocket()) {
			socket.setSoTimeout(5000);
			socket.send(new DatagramPacket(payload, payload.length, new InetSocketAddress("127.0.0.1", port)));
			DatagramPacket reply = new DatagramPacket(new byte[1024], 1024);
			socket.receive(reply);
			assertThat(new String(reply.getData(), 0, reply.getLength(), StandardCharsets.UTF_8))
				.isEqualTo("chart \u0000 datagram");
		}
	}

	/**
	 * Runs the script of the {@code helm test} pod with the pod's environment, Service
	 * ports mapped to where the listeners behind them are bound here.
	 */
	private void helmTestScript(Manifests manifests, RenderedConfig config, Listeners listeners) throws Exception {
		Python.require();
		Pod pod = manifests.one(Pod.class);
		Path script = this.work.resolve("smoke_test.py");
		Files.writeString(script,
				manifests.named(ConfigMap.class, HelmChartTests.FULLNAME + "-test").getData().get("smoke_test.py"));
		Map<String, Integer> boundByServicePort = new HashMap<>();
		for (Service service : manifests.all(Service.class)) {
			for (ServicePort port : service.getSpec().getPorts()) {
				if (config.enabledListeners().containsKey(port.getName())) {
					boundByServicePort.put(port.getProtocol() + "/" + port.getPort(), listeners.port(port.getName()));
				}
			}
		}
		Map<String, String> environment = new HashMap<>();
		for (EnvVar variable : pod.getSpec().getContainers().get(0).getEnv()) {
			String value = switch (variable.getName()) {
				case "WHARF_TCP_HOST", "WHARF_UDP_HOST" -> "127.0.0.1";
				case "GREETING_PORT" -> String.valueOf(boundByServicePort.get("TCP/" + variable.getValue()));
				case "ECHO_UDP_PORT" -> String.valueOf(boundByServicePort.get("UDP/" + variable.getValue()));
				default -> variable.getValue();
			};
			environment.put(variable.getName(), value);
		}
		assertThat(environment).containsKeys("GREETING_PORT", "ECHO_UDP_PORT");
		Python.Result result = Python.run(environment, "", script.toString());
		assertThat(result.exitCode()).as(result.output()).isZero();
		assertThat(result.output()).contains("udp echo: ").endsWith("OK\n");
	}

	private static String firstListener(RenderedConfig config, String protocol, String service) {
		return config.enabledListeners()
			.entrySet()
			.stream()
			.filter((entry) -> entry.getValue().path("protocol").asText().equals(protocol)
					&& entry.getValue().path("service").asText().equals(service)
					&& List.of("raw", "line").contains(entry.getValue().at("/framing/type").asText("raw")))
			.map(Map.Entry::getKey)
			.sorted()
			.findFirst()
			.orElseThrow(() -> new AssertionError("no " + protocol + " " + service + " listener"));
	}

	private HttpResponse<String> get(int port, @Nullable String path) throws Exception {
		HttpRequest request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path)).build();
		return this.http.send(request, HttpResponse.BodyHandlers.ofString());
	}

	/**
	 * Someone's application: Spring Boot with Actuator and Wharf, a service of its own.
	 * Not a {@code @Configuration}, so that no component scan of the other tests finds
	 * it.
	 */
	@EnableAutoConfiguration
	static class ChatApplication {

		@Bean
		SocketService<Void> chat() {
			return new SocketService<>() {

				@Override
				public void received(Session session, @Nullable Void state, byte[] frame, Answer answer) {
					answer.send(new String(frame, StandardCharsets.UTF_8).toUpperCase(Locale.ROOT));
				}

			};
		}

	}

}
