package io.wharf.chart;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.stream.Collectors;

import io.fabric8.kubernetes.api.model.ConfigMap;
import io.fabric8.kubernetes.api.model.EnvVar;
import io.fabric8.kubernetes.api.model.Pod;
import io.fabric8.kubernetes.api.model.Service;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The {@code helm test} pod aims its script at the listener Services: the greeting over
 * TCP and the echo over UDP, by their Service ports. (ChartConfigurationBootsTests runs
 * the script itself against the service.)
 */
class HelmTestHookTests {

	@TempDir
	private Path work;

	@Test
	void testPodTalksToTheCombinedServiceByDefault() throws Exception {
		Manifests manifests = HelmChart.renderWithTests(null, Map.of(), this.work);
		Pod pod = manifests.one(Pod.class);
		assertThat(env(pod)).containsEntry("WHARF_TCP_HOST", HelmChartTests.FULLNAME)
			.containsEntry("WHARF_UDP_HOST", HelmChartTests.FULLNAME)
			.containsEntry("GREETING_PORT", "6000")
			.containsEntry("ECHO_UDP_PORT", "8888")
			.doesNotContainKeys("GREETING_PROMPT", "GREETING_EXIT");
		assertThat(pod.getSpec().getRestartPolicy()).isEqualTo("Never");
		assertThat(pod.getSpec().getSecurityContext().getRunAsNonRoot()).isTrue();
		assertThat(pod.getSpec().getContainers().get(0).getCommand()).containsExactly("python3",
				"/scripts/smoke_test.py");
		ConfigMap script = manifests.named(ConfigMap.class, HelmChartTests.FULLNAME + "-test");
		assertThat(script.getData().get("smoke_test.py"))
			.isEqualTo(Files.readString(HelmChart.DIRECTORY.resolve("files/smoke_test.py")).strip());
		assertThat(pod.getSpec().getVolumes()).singleElement()
			.satisfies(
					(volume) -> assertThat(volume.getConfigMap().getName()).isEqualTo(script.getMetadata().getName()));
	}

	@Test
	void testPodFollowsSeparateServicesAndCustomGreetings() {
		Pod separate = HelmChart.renderWithTests("separate-services-values.yaml", Map.of(), this.work.resolve("a"))
			.one(Pod.class);
		assertThat(env(separate)).containsEntry("WHARF_TCP_HOST", HelmChartTests.FULLNAME + "-tcp")
			.containsEntry("WHARF_UDP_HOST", HelmChartTests.FULLNAME + "-udp");
		Pod custom = HelmChart.renderWithTests("custom-listeners-values.yaml", Map.of(), this.work.resolve("b"))
			.one(Pod.class);
		assertThat(env(custom)).containsEntry("GREETING_PORT", "7000")
			.containsEntry("ECHO_UDP_PORT", "7")
			.containsEntry("GREETING_PROMPT", "Name? ")
			.containsEntry("GREETING_EXIT", "quit");
	}

	@Test
	void testPodRunsBesideTheServicesInAnOverriddenNamespaceAndAdaptsToOpenShift() {
		Manifests manifests = HelmChart.renderWithTests(null,
				Map.of("namespaceOverride", "devices", "adaptSecurityContext", "force"), this.work.resolve("c"));
		Pod pod = manifests.one(Pod.class);
		// The short Service name in the script's environment resolves in the pod's own
		// namespace, which must be the Services'.
		assertThat(pod.getMetadata().getNamespace()).isEqualTo("devices");
		assertThat(manifests.named(ConfigMap.class, HelmChartTests.FULLNAME + "-test").getMetadata().getNamespace())
			.isEqualTo("devices");
		assertThat(manifests.all(Service.class))
			.allSatisfy((service) -> assertThat(service.getMetadata().getNamespace()).isEqualTo("devices"));
		assertThat(pod.getSpec().getSecurityContext().getRunAsUser()).as("assigned by OpenShift").isNull();
		assertThat(pod.getSpec().getSecurityContext().getRunAsNonRoot()).isTrue();
	}

	private static Map<String, String> env(Pod pod) {
		return pod.getSpec()
			.getContainers()
			.get(0)
			.getEnv()
			.stream()
			.collect(Collectors.toMap(EnvVar::getName, EnvVar::getValue));
	}

}
