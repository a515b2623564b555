package io.wharf.chart;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Stream;

import com.fasterxml.jackson.databind.JsonNode;
import com.marcnuri.helm.LintResult;
import io.fabric8.kubernetes.api.model.Container;
import io.fabric8.kubernetes.api.model.ContainerPort;
import io.fabric8.kubernetes.api.model.EnvVar;
import io.fabric8.kubernetes.api.model.Probe;
import io.fabric8.kubernetes.api.model.Service;
import io.fabric8.kubernetes.api.model.ServicePort;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

/**
 * The chart lints and renders for its defaults and every {@code ci/*-values.yaml}
 * scenario; in each, every listener is a container port and a Service port with its
 * protocol, and the Actuator port is on its own ClusterIP Service.
 */
class HelmChartTests {

	static final String FULLNAME = HelmChart.RELEASE + "-wharf";

	static Stream<@Nullable String> scenarios() throws IOException {
		List<@Nullable String> scenarios = new ArrayList<>();
		scenarios.add(null);
		try (Stream<Path> files = Files.list(HelmChart.DIRECTORY.resolve("ci"))) {
			files.map((file) -> file.getFileName().toString())
				.filter((name) -> name.endsWith("-values.yaml"))
				.sorted()
				.forEach(scenarios::add);
		}
		assertThat(scenarios).hasSizeGreaterThanOrEqualTo(5);
		return scenarios.stream();
	}

	@Test
	void lintStrictReportsNothingWorseThanInfo() {
		LintResult result = HelmChart.lint();
		assertThat(result.isFailed()).as(String.join("\n", result.getMessages())).isFalse();
		assertThat(result.getMessages()).noneMatch((message) -> message.contains("[WARNING]"))
			.noneMatch((message) -> message.contains("[ERROR]"));
	}

	@ParameterizedTest(name = "{0}")
	@MethodSource("scenarios")
	void everyListenerIsAContainerPortAndAServicePortWithItsProtocol(@Nullable String scenario) {
		Manifests manifests = HelmChart.render(scenario);
		Map<String, JsonNode> listeners = RenderedConfig.of(manifests).enabledListeners();
		assertThat(listeners).isNotEmpty();
		Container container = container(manifests.one(Deployment.class));
		List<ServicePort> servicePorts = manifests.all(Service.class)
			.stream()
			.filter((service) -> "listeners"
				.equals(service.getMetadata().getLabels().get("app.kubernetes.io/component")))
			.flatMap((service) -> service.getSpec().getPorts().stream())
			.toList();
		assertThat(container.getPorts()).extracting(ContainerPort::getName)
			.containsExactlyInAnyOrderElementsOf(concat("actuator", listeners.keySet()));
		assertThat(servicePorts).extracting(ServicePort::getName)
			.containsExactlyInAnyOrderElementsOf(listeners.keySet());
		listeners.forEach((name, listener) -> {
			String protocol = listener.path("protocol").asText().toUpperCase(Locale.ROOT);
			assertThat(container.getPorts()).filteredOn((port) -> port.getName().equals(name))
				.singleElement()
				.satisfies((port) -> {
					assertThat(port.getContainerPort()).isEqualTo(listener.path("port").asInt());
					assertThat(port.getProtocol()).isEqualTo(protocol);
				});
			assertThat(servicePorts).filteredOn((port) -> port.getName().equals(name))
				.singleElement()
				.satisfies((port) -> {
					assertThat(port.getProtocol()).isEqualTo(protocol);
					assertThat(port.getTargetPort().getStrVal()).isEqualTo(name);
				});
		});
	}

	@ParameterizedTest(name = "{0}")
	@MethodSource("scenarios")
	void actuatorHasItsOwnClusterIpServiceAndNoListenerServiceCarriesIt(@Nullable String scenario) {
		Manifests manifests = HelmChart.render(scenario);
		Service actuator = manifests.named(Service.class, FULLNAME + "-actuator");
		assertThat(actuator.getSpec().getType()).isEqualTo("ClusterIP");
		assertThat(actuator.getSpec().getPorts())
			.extracting(ServicePort::getName, ServicePort::getPort, ServicePort::getProtocol)
			.containsExactly(tuple("actuator", 8080, "TCP"));
		assertThat(manifests.all(Service.class)).filteredOn((service) -> service != actuator)
			.allSatisfy((service) -> assertThat(service.getSpec().getPorts()).extracting(ServicePort::getName)
				.doesNotContain("actuator"));
	}

	@ParameterizedTest(name = "{0}")
	@MethodSource("scenarios")
	void probesAskTheActuatorHealthGroupsNeverAListener(@Nullable String scenario) {
		Container container = container(HelmChart.render(scenario).one(Deployment.class));
		assertThat(List.of(container.getStartupProbe(), container.getLivenessProbe())).allSatisfy((probe) -> {
			assertThat(probe.getTcpSocket()).isNull();
			assertThat(probe.getHttpGet().getPath()).isEqualTo(HelmChart.LIVENESS);
			assertThat(probe.getHttpGet().getPort().getStrVal()).isEqualTo("actuator");
		});
		Probe readiness = container.getReadinessProbe();
		assertThat(readiness.getTcpSocket()).isNull();
		assertThat(readiness.getHttpGet().getPath()).isEqualTo(HelmChart.READINESS);
		assertThat(readiness.getHttpGet().getPort().getStrVal()).isEqualTo("actuator");
	}

	@Test
	void podsAreHardenedByDefault() {
		Deployment deployment = HelmChart.render(null).one(Deployment.class);
		var pod = deployment.getSpec().getTemplate().getSpec();
		assertThat(pod.getSecurityContext().getRunAsNonRoot()).isTrue();
		assertThat(pod.getSecurityContext().getSeccompProfile().getType()).isEqualTo("RuntimeDefault");
		assertThat(pod.getAutomountServiceAccountToken()).isFalse();
		var security = container(deployment).getSecurityContext();
		assertThat(security.getRunAsNonRoot()).isTrue();
		assertThat(security.getReadOnlyRootFilesystem()).isTrue();
		assertThat(security.getAllowPrivilegeEscalation()).isFalse();
		assertThat(security.getCapabilities().getDrop()).containsExactly("ALL");
		assertThat(security.getCapabilities().getAdd()).isNullOrEmpty();
		assertThat(security.getSeccompProfile().getType()).isEqualTo("RuntimeDefault");
		assertThat(container(deployment).getVolumeMounts()).anySatisfy((mount) -> {
			assertThat(mount.getMountPath()).isEqualTo("/tmp");
			assertThat(pod.getVolumes()).filteredOn((volume) -> volume.getName().equals(mount.getName()))
				.singleElement()
				.satisfies((volume) -> assertThat(volume.getEmptyDir()).isNotNull());
		});
		assertThat(container(deployment).getResources().getLimits()).containsKey("memory");
	}

	@Test
	void podIdentityComesFromTheDownwardApi() {
		List<EnvVar> env = container(HelmChart.render(null).one(Deployment.class)).getEnv();
		assertThat(env).filteredOn((variable) -> variable.getValueFrom() != null)
			.extracting(EnvVar::getName, (variable) -> variable.getValueFrom().getFieldRef().getFieldPath())
			.contains(tuple("POD_NAME", "metadata.name"), tuple("POD_NAMESPACE", "metadata.namespace"),
					tuple("NODE_NAME", "spec.nodeName"));
		assertThat(RenderedConfig.of(HelmChart.render(null)).tree().at("/info/kubernetes/pod").asText())
			.isEqualTo("${POD_NAME:}");
	}

	@Test
	void gracePeriodCoversPreStopAndTheServicesDrain() {
		Manifests manifests = HelmChart.render(null);
		var pod = manifests.one(Deployment.class).getSpec().getTemplate().getSpec();
		JsonNode config = RenderedConfig.of(manifests).tree();
		assertThat(config.at("/wharf/drain-timeout").asText()).isEqualTo("10s");
		assertThat(config.at("/spring/lifecycle/timeout-per-shutdown-phase").asText()).isEqualTo("20s");
		long preStop = container(manifests.one(Deployment.class)).getLifecycle().getPreStop().getSleep().getSeconds();
		assertThat(preStop).isEqualTo(5);
		assertThat(pod.getTerminationGracePeriodSeconds()).isEqualTo(30).isGreaterThan(preStop + 10);

		Manifests longDrain = HelmChart.render("custom-listeners-values.yaml");
		assertThat(RenderedConfig.of(longDrain).tree().at("/wharf/drain-timeout").asText()).isEqualTo("30s");
		assertThat(longDrain.one(Deployment.class).getSpec().getTemplate().getSpec().getTerminationGracePeriodSeconds())
			.isEqualTo(50);
	}

	@Test
	void preStopSleepsThroughExecBeforeKubernetes130() {
		Manifests manifests = Manifests.parse(HelmChart.template(HelmChart.DIRECTORY, null, Map.of(), "1.29.0"));
		var preStop = container(manifests.one(Deployment.class)).getLifecycle().getPreStop();
		assertThat(preStop.getSleep()).isNull();
		assertThat(preStop.getExec().getCommand()).containsExactly("sleep", "5");
	}

	@Test
	void configChecksumRollsPodsOnlyWhenTheConfigurationChanges() {
		String base = checksum(HelmChart.render(null));
		assertThat(base).hasSize(64);
		assertThat(checksum(HelmChart.render(null, Map.of("replicaCount", 3)))).isEqualTo(base);
		assertThat(checksum(HelmChart.render(null, Map.of("listeners.echo-tcp.port", 9999)))).isNotEqualTo(base);
		assertThat(checksum(HelmChart.render(null, Map.of("config.logging.level.root", "debug")))).isNotEqualTo(base);
	}

	@Test
	void listenersRemovedFromTheValuesAreSwitchedOffInTheService() {
		Manifests manifests = HelmChart.render("custom-listeners-values.yaml");
		RenderedConfig config = RenderedConfig.of(manifests);
		assertThat(config.listeners().get("echo-udp").path("enabled").asBoolean(true)).isFalse();
		assertThat(config.listeners().get("greeting-tcp").path("enabled").asBoolean(true)).isFalse();
		assertThat(config.enabledListeners()).containsOnlyKeys("greeting-udp", "echo-tcp", "echo-line", "echo-framed",
				"greeting-line", "echo-le", "sensor-feed", "rfc862-udp");
		assertThat(config.listeners().get("rfc862-udp").has("servicePort")).isFalse();
		assertThat(config.tree().at("/management/metrics/tags/cluster").asText()).isEqualTo("edge-1");
		assertThat(config.tree().at("/wharf/greeting/prompt").asText()).isEqualTo("Name? ");
		ServicePort rfc862 = manifests.named(Service.class, FULLNAME)
			.getSpec()
			.getPorts()
			.stream()
			.filter((port) -> port.getName().equals("rfc862-udp"))
			.findFirst()
			.orElseThrow();
		assertThat(rfc862.getPort()).isEqualTo(7);
		assertThat(rfc862.getProtocol()).isEqualTo("UDP");
	}

	@Test
	void separateServicesCarryOneProtocolEach() {
		Manifests manifests = HelmChart.render("separate-services-values.yaml");
		Service tcp = manifests.named(Service.class, FULLNAME + "-tcp");
		Service udp = manifests.named(Service.class, FULLNAME + "-udp");
		assertThat(manifests.all(Service.class)).extracting((service) -> service.getMetadata().getName())
			.containsExactlyInAnyOrder(FULLNAME + "-tcp", FULLNAME + "-udp", FULLNAME + "-actuator");
		assertThat(tcp.getSpec().getPorts()).extracting(ServicePort::getProtocol).containsOnly("TCP");
		assertThat(udp.getSpec().getPorts()).extracting(ServicePort::getProtocol).containsOnly("UDP");
		assertThat(udp.getSpec().getPorts()).extracting(ServicePort::getName)
			.containsExactlyInAnyOrder("greeting-udp", "echo-udp");
		for (Service service : List.of(tcp, udp)) {
			assertThat(service.getSpec().getType()).isEqualTo("LoadBalancer");
			assertThat(service.getSpec().getExternalTrafficPolicy()).isEqualTo("Local");
			assertThat(service.getMetadata().getAnnotations()).containsEntry("example.com/load-balancer-scheme",
					"internet-facing");
		}
		assertThat(tcp.getMetadata().getAnnotations()).containsEntry("example.com/load-balancer-type", "nlb");
		assertThat(udp.getMetadata().getAnnotations()).containsEntry("example.com/load-balancer-type", "nlb-udp");
	}

	@Test
	void oneMixedProtocolLoadBalancerWithNodePortsAndSourceRanges() {
		Service service = HelmChart.render("loadbalancer-values.yaml").named(Service.class, FULLNAME);
		assertThat(service.getSpec().getType()).isEqualTo("LoadBalancer");
		assertThat(service.getSpec().getLoadBalancerSourceRanges()).containsExactly("203.0.113.0/24");
		assertThat(service.getSpec().getSessionAffinity()).isEqualTo("ClientIP");
		assertThat(service.getSpec().getPorts()).filteredOn((port) -> port.getPort() == 6000)
			.extracting(ServicePort::getProtocol, ServicePort::getNodePort)
			.containsExactlyInAnyOrder(tuple("TCP", 30600), tuple("UDP", 30600));
		assertThat(HelmChart.render(null).named(Service.class, FULLNAME).getSpec().getPorts())
			.allSatisfy((port) -> assertThat(port.getNodePort()).isNull());
	}

	@Test
	void notesTellHowToConnectForTheServiceType() {
		String clusterIp = HelmChart.installNotes(null);
		assertThat(clusterIp).contains("kubectl port-forward --namespace wharf-system service/" + FULLNAME + " 6000")
			.contains("nc 127.0.0.1 6000")
			.contains("nc -u " + FULLNAME + " 8888")
			.contains("service/" + FULLNAME + "-actuator 8080")
			.contains("helm test " + HelmChart.RELEASE);
		String loadBalancer = HelmChart.installNotes("separate-services-values.yaml");
		assertThat(loadBalancer)
			.contains("kubectl get service --namespace wharf-system " + FULLNAME + "-tcp " + FULLNAME + "-udp -w")
			.contains("nc -u $WHARF_UDP_HOST 6000")
			.contains("nc $WHARF_TCP_HOST 8890");
		assertThat(clusterIp).doesNotContain("WARNING");
		assertThat(loadBalancer).as("externalTrafficPolicy: Local").doesNotContain("WARNING");
		assertThat(HelmChart.installNotes("loadbalancer-values.yaml"))
			.contains("WARNING: the LoadBalancer Service has neither externalTrafficPolicy: Local nor a listener")
			.contains("docs/networking.md");
	}

	static Container container(Deployment deployment) {
		List<Container> containers = deployment.getSpec().getTemplate().getSpec().getContainers();
		assertThat(containers).filteredOn((container) -> container.getName().equals("wharf")).hasSize(1);
		assertThat(containers.get(0).getName()).as("Wharf first; sidecars after it").isEqualTo("wharf");
		return containers.get(0);
	}

	private static String checksum(Manifests manifests) {
		return manifests.one(Deployment.class)
			.getSpec()
			.getTemplate()
			.getMetadata()
			.getAnnotations()
			.get("checksum/config");
	}

	private static List<String> concat(String first, Collection<String> rest) {
		List<String> all = new ArrayList<>(List.of(first));
		all.addAll(rest);
		return all;
	}

}
