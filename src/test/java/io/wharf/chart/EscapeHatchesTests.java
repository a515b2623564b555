package io.wharf.chart;

import java.util.Map;

import io.fabric8.kubernetes.api.model.ConfigMap;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.PodSpec;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import io.fabric8.openshift.api.model.monitoring.v1.ServiceMonitor;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The escape hatches users of the best public charts expect, all set at once in
 * {@code ci/escape-hatches-values.yaml}: each renders where Kubernetes reads it,
 * templated where the values say so.
 */
class EscapeHatchesTests {

	private static final String FULLNAME = HelmChartTests.FULLNAME;

	private static Manifests manifests;

	private static Deployment deployment;

	private static PodSpec pod;

	@BeforeAll
	static void render() {
		manifests = HelmChart.render("escape-hatches-values.yaml");
		deployment = manifests.one(Deployment.class);
		pod = deployment.getSpec().getTemplate().getSpec();
	}

	@Test
	void everyResourceGoesToTheOverriddenNamespaceWithTheCommonLabels() {
		for (HasMetadata object : manifests.all()) {
			if (object instanceof ServiceMonitor) {
				continue;
			}
			if (object.getMetadata().getNamespace() != null) {
				assertThat(object.getMetadata().getNamespace()).as(object.getKind()).isEqualTo("wharf-edge");
			}
			if (object.getMetadata().getName().startsWith(FULLNAME + "-rules")
					|| object.getMetadata().getName().endsWith("-as-text")) {
				continue;
			}
			assertThat(object.getMetadata().getLabels()).as(object.getKind()).containsEntry("team", "devices");
		}
		assertThat(deployment.getSpec().getTemplate().getMetadata().getLabels()).containsEntry("team", "devices");
	}

	@Test
	void theDeploymentKeepsItsHistoryAndRollsAsTold() {
		assertThat(deployment.getSpec().getRevisionHistoryLimit()).isEqualTo(3);
		assertThat(deployment.getSpec().getStrategy().getRollingUpdate().getMaxUnavailable().getIntVal()).isZero();
	}

	@Test
	void theDigestWinsOverTheTagBehindTheRegistry() {
		assertThat(pod.getContainers().get(0).getImage()).isEqualTo("registry.example.com/platform/wharf@sha256:"
				+ "0123456789abcdef0123456789abcdef0123456789abcdef0123456789abcdef");
	}

	@Test
	void extraVolumesMountsContainersAndEnvironmentAreTemplated() {
		assertThat(pod.getVolumes()).anySatisfy((volume) -> {
			assertThat(volume.getName()).isEqualTo("rules");
			assertThat(volume.getConfigMap().getName()).isEqualTo(FULLNAME + "-rules");
		});
		assertThat(pod.getContainers().get(0).getVolumeMounts())
			.anySatisfy((mount) -> assertThat(mount.getMountPath()).isEqualTo("/etc/rules"));
		assertThat(pod.getInitContainers()).singleElement()
			.satisfies((init) -> assertThat(init.getName()).isEqualTo("wait-for-database"));
		assertThat(pod.getContainers()).extracting((container) -> container.getName())
			.containsExactly("wharf", "log-shipper");
		assertThat(pod.getContainers().get(0).getEnvFrom()).singleElement()
			.satisfies((from) -> assertThat(from.getSecretRef().getName()).isEqualTo(HelmChart.RELEASE + "-env"));
	}

	@Test
	void extraManifestsRenderAsObjectsOrTemplates() {
		assertThat(manifests.named(ConfigMap.class, FULLNAME + "-rules").getData()).containsEntry("rules.txt",
				"allow all");
		assertThat(manifests.named(ConfigMap.class, FULLNAME + "-as-text").getData()).containsEntry("release",
				HelmChart.RELEASE);
	}

	@Test
	void hardAntiAffinityPutsOnePodPerNode() {
		var terms = pod.getAffinity().getPodAntiAffinity().getRequiredDuringSchedulingIgnoredDuringExecution();
		assertThat(terms).singleElement().satisfies((term) -> {
			assertThat(term.getTopologyKey()).isEqualTo("kubernetes.io/hostname");
			assertThat(term.getLabelSelector().getMatchLabels()).containsEntry("app.kubernetes.io/instance",
					HelmChart.RELEASE);
		});
		PodSpec soft = HelmChart.render(null, Map.of("podAntiAffinity", "soft"))
			.one(Deployment.class)
			.getSpec()
			.getTemplate()
			.getSpec();
		assertThat(soft.getAffinity().getPodAntiAffinity().getPreferredDuringSchedulingIgnoredDuringExecution())
			.hasSize(1);
		assertThat(HelmChart.render(null).one(Deployment.class).getSpec().getTemplate().getSpec().getAffinity())
			.isNull();
	}

	@Test
	void anAdaptedSecurityContextLeavesTheUserToOpenShift() {
		assertThat(pod.getSecurityContext().getRunAsUser()).isNull();
		assertThat(pod.getSecurityContext().getFsGroup()).isNull();
		assertThat(pod.getSecurityContext().getRunAsNonRoot()).isTrue();
		assertThat(pod.getContainers().get(0).getSecurityContext().getRunAsUser()).isNull();
		assertThat(pod.getContainers().get(0).getSecurityContext().getReadOnlyRootFilesystem()).isTrue();
		PodSpec plain = HelmChart.render(null).one(Deployment.class).getSpec().getTemplate().getSpec();
		assertThat(plain.getSecurityContext().getRunAsUser()).as("auto, not on OpenShift").isEqualTo(10001L);
	}

	@Test
	void theServiceMonitorLivesWherePrometheusLooksAndKeepsItsSettings() {
		ServiceMonitor monitor = manifests.one(ServiceMonitor.class);
		assertThat(monitor.getMetadata().getNamespace()).isEqualTo("monitoring");
		assertThat(monitor.getSpec().getNamespaceSelector().getMatchNames()).containsExactly("wharf-edge");
		assertThat(monitor.getSpec().getJobLabel()).isEqualTo("app.kubernetes.io/name");
		assertThat(monitor.getSpec().getEndpoints()).singleElement().satisfies((endpoint) -> {
			assertThat(endpoint.getHonorLabels()).isTrue();
			assertThat(endpoint.getInterval()).isEqualTo("15s");
			assertThat(endpoint.getScrapeTimeout()).isEqualTo("5s");
			assertThat(endpoint.getRelabelings()).singleElement()
				.satisfies((relabel) -> assertThat(relabel.getTargetLabel()).isEqualTo("node"));
			assertThat(endpoint.getMetricRelabelings()).singleElement()
				.satisfies((relabel) -> assertThat(relabel.getAction()).isEqualTo("drop"));
		});
	}

}
