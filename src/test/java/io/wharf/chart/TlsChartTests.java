package io.wharf.chart;

import java.util.Map;

import io.fabric8.kubernetes.api.model.GenericKubernetesResource;
import io.fabric8.kubernetes.api.model.Volume;
import io.fabric8.kubernetes.api.model.VolumeMount;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A listener's TLS material from a Secret the user names, or from one a cert-manager
 * Certificate makes and renews: mounted read-only, and defined as the SSL bundle the
 * listener names, reloaded when the kubelet updates the Secret.
 */
class TlsChartTests {

	private static final Map<String, Object> LISTENER = Map.of("listeners.echo-tls.protocol", "tcp",
			"listeners.echo-tls.port", 8443, "listeners.echo-tls.service", "echo", "listeners.echo-tls.ssl.bundle",
			"wharf-tls", "listeners.echo-tls.ssl.client-auth", "need");

	@Test
	void noTlsMaterialByDefault() {
		Manifests defaults = HelmChart.render(null);
		assertThat(volumes(defaults)).extracting(Volume::getName).doesNotContain("tls");
		assertThat(RenderedConfig.of(defaults).tree().path("spring").has("ssl")).isFalse();
		assertThat(defaults.has(GenericKubernetesResource.class)).isFalse();
	}

	@Test
	void aSecretIsMountedReadOnlyAndBecomesTheBundleTheListenerNames() {
		Map<String, Object> set = new java.util.HashMap<>(LISTENER);
		set.put("tls.secretName", "device-gateway-tls");
		set.put("tls.caKey", "ca.crt");
		Manifests manifests = HelmChart.render(null, set);
		assertThat(volumes(manifests)).filteredOn((volume) -> volume.getName().equals("tls"))
			.singleElement()
			.satisfies((volume) -> assertThat(volume.getSecret().getSecretName()).isEqualTo("device-gateway-tls"));
		assertThat(mounts(manifests)).filteredOn((mount) -> mount.getName().equals("tls"))
			.singleElement()
			.satisfies((mount) -> {
				assertThat(mount.getMountPath()).isEqualTo("/etc/wharf-tls");
				assertThat(mount.getReadOnly()).isTrue();
			});
		var config = RenderedConfig.of(manifests).tree();
		var bundle = config.path("spring").path("ssl").path("bundle").path("pem").path("wharf-tls");
		assertThat(bundle.path("keystore").path("certificate").asText()).isEqualTo("file:/etc/wharf-tls/tls.crt");
		assertThat(bundle.path("keystore").path("private-key").asText()).isEqualTo("file:/etc/wharf-tls/tls.key");
		assertThat(bundle.path("truststore").path("certificate").asText()).isEqualTo("file:/etc/wharf-tls/ca.crt");
		assertThat(bundle.path("reload-on-update").asBoolean()).isTrue();
		var listener = config.path("wharf").path("listeners").path("echo-tls").path("ssl");
		assertThat(listener.path("bundle").asText()).isEqualTo("wharf-tls");
		assertThat(listener.path("client-auth").asText()).isEqualTo("need");
		assertThat(manifests.has(GenericKubernetesResource.class)).isFalse();
	}

	@Test
	void certManagerMakesAndRenewsTheSecret() {
		Map<String, Object> set = new java.util.HashMap<>(LISTENER);
		set.put("tls.certManager.enabled", true);
		set.put("tls.certManager.issuerRef.name", "internal-ca");
		set.put("tls.certManager.issuerRef.kind", "ClusterIssuer");
		Manifests manifests = HelmChart.render(null, set);
		GenericKubernetesResource certificate = manifests.one(GenericKubernetesResource.class);
		assertThat(certificate.getKind()).isEqualTo("Certificate");
		Map<String, Object> spec = certificate.get("spec");
		String secret = HelmChartTests.FULLNAME + "-tls";
		assertThat(spec).containsEntry("secretName", secret)
			.containsEntry("duration", "2160h")
			.containsEntry("renewBefore", "720h")
			.containsEntry("issuerRef",
					Map.of("name", "internal-ca", "kind", "ClusterIssuer", "group", "cert-manager.io"));
		assertThat(spec.get("dnsNames")).asList()
			.contains(HelmChartTests.FULLNAME + "." + HelmChart.NAMESPACE + ".svc");
		assertThat(volumes(manifests)).filteredOn((volume) -> volume.getName().equals("tls"))
			.singleElement()
			.satisfies((volume) -> assertThat(volume.getSecret().getSecretName()).isEqualTo(secret));
	}

	private static java.util.List<Volume> volumes(Manifests manifests) {
		return manifests.one(Deployment.class).getSpec().getTemplate().getSpec().getVolumes();
	}

	private static java.util.List<VolumeMount> mounts(Manifests manifests) {
		return manifests.one(Deployment.class)
			.getSpec()
			.getTemplate()
			.getSpec()
			.getContainers()
			.get(0)
			.getVolumeMounts();
	}

}
