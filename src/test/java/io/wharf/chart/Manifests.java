package io.wharf.chart;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import io.fabric8.kubernetes.api.model.ConfigMap;
import io.fabric8.kubernetes.api.model.GenericKubernetesResource;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.Pod;
import io.fabric8.kubernetes.api.model.Service;
import io.fabric8.kubernetes.api.model.ServiceAccount;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import io.fabric8.kubernetes.api.model.autoscaling.v2.HorizontalPodAutoscaler;
import io.fabric8.kubernetes.api.model.networking.v1.NetworkPolicy;
import io.fabric8.kubernetes.api.model.policy.v1.PodDisruptionBudget;
import io.fabric8.openshift.api.model.monitoring.v1.PodMonitor;
import io.fabric8.openshift.api.model.monitoring.v1.PrometheusRule;
import io.fabric8.openshift.api.model.monitoring.v1.ServiceMonitor;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * What {@code helm template} printed, as Kubernetes model objects; parsing fails on a
 * kind the chart should not render and on any field the Kubernetes API does not know.
 */
final class Manifests {

	private static final Map<String, Class<? extends HasMetadata>> KINDS = Map.ofEntries(
			Map.entry("v1/ConfigMap", ConfigMap.class), Map.entry("v1/Service", Service.class),
			Map.entry("v1/ServiceAccount", ServiceAccount.class), Map.entry("v1/Pod", Pod.class),
			Map.entry("apps/v1/Deployment", Deployment.class),
			Map.entry("autoscaling/v2/HorizontalPodAutoscaler", HorizontalPodAutoscaler.class),
			Map.entry("networking.k8s.io/v1/NetworkPolicy", NetworkPolicy.class),
			Map.entry("policy/v1/PodDisruptionBudget", PodDisruptionBudget.class),
			Map.entry("monitoring.coreos.com/v1/ServiceMonitor", ServiceMonitor.class),
			Map.entry("monitoring.coreos.com/v1/PodMonitor", PodMonitor.class),
			Map.entry("monitoring.coreos.com/v1/PrometheusRule", PrometheusRule.class));

	private static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory());

	private static final String CERTIFICATE = "cert-manager.io/v1/Certificate";

	private static final ObjectMapper STRICT = JsonMapper.builder()
		.enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
		.build();

	private final List<HasMetadata> objects;

	private Manifests(List<HasMetadata> objects) {
		this.objects = objects;
	}

	static Manifests parse(String rendered) {
		List<HasMetadata> objects = new ArrayList<>();
		try (var documents = YAML.readerFor(JsonNode.class).readValues(rendered)) {
			while (documents.hasNextValue()) {
				JsonNode document = (JsonNode) documents.nextValue();
				if (document == null || document.isNull() || document.isEmpty()) {
					continue;
				}
				String type = document.path("apiVersion").asText() + "/" + document.path("kind").asText();
				if (type.equals(CERTIFICATE)) {
					// cert-manager's CRD has no model here; TlsChartTests checks its
					// fields.
					objects.add(YAML.treeToValue(document, GenericKubernetesResource.class));
					continue;
				}
				assertThat(KINDS).as("kinds the chart may render").containsKey(type);
				HasMetadata object = STRICT.treeToValue(document, KINDS.get(type));
				assertThat(UnknownFields.in(object))
					.as("fields of %s %s the Kubernetes API does not know", type, object.getMetadata().getName())
					.isEmpty();
				objects.add(object);
			}
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
		return new Manifests(objects);
	}

	List<HasMetadata> all() {
		return this.objects;
	}

	<T extends HasMetadata> List<T> all(Class<T> kind) {
		return this.objects.stream().filter(kind::isInstance).map(kind::cast).toList();
	}

	<T extends HasMetadata> T one(Class<T> kind) {
		List<T> found = all(kind);
		assertThat(found).as("rendered %s objects", kind.getSimpleName()).hasSize(1);
		return found.get(0);
	}

	<T extends HasMetadata> T named(Class<T> kind, String name) {
		return all(kind).stream()
			.filter((object) -> object.getMetadata().getName().equals(name))
			.findFirst()
			.orElseThrow(() -> new AssertionError("no " + kind.getSimpleName() + " named " + name + " in " + names()));
	}

	boolean has(Class<? extends HasMetadata> kind) {
		return !all(kind).isEmpty();
	}

	private List<String> names() {
		return this.objects.stream().map((object) -> object.getKind() + "/" + object.getMetadata().getName()).toList();
	}

}
