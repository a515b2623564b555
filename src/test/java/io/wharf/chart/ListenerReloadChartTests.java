package io.wharf.chart;

import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;
import io.fabric8.kubernetes.api.model.ConfigMap;
import io.fabric8.kubernetes.api.model.ContainerPort;
import io.fabric8.kubernetes.api.model.IntOrString;
import io.fabric8.kubernetes.api.model.Service;
import io.fabric8.kubernetes.api.model.ServicePort;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * With {@code listenerReload.enabled} the pods watch their configuration file, and a
 * change of listeners alone changes the ConfigMap and the Services but not the pod
 * template, so no pod rolls; without it, the same change rolls the pods.
 */
class ListenerReloadChartTests {

	private static final String FULLNAME = HelmChart.RELEASE + "-wharf";

	@Test
	void aListenerOnlyChangeRollsNoPodWithListenerReload() {
		Manifests before = HelmChart.render(null, Map.of("listenerReload.enabled", true));
		Manifests after = HelmChart.render(null,
				Map.of("listenerReload.enabled", true, "listeners.echo-tcp.port", 9999));
		JsonNode config = RenderedConfig.of(before).tree();
		assertThat(config.at("/wharf/reload/enabled").asBoolean()).isTrue();
		assertThat(config.at("/wharf/reload/file").asText()).isEqualTo("/etc/wharf/application.yml");
		assertThat(after.one(Deployment.class).getSpec().getTemplate())
			.isEqualTo(before.one(Deployment.class).getSpec().getTemplate());
		assertThat(HelmChartTests.container(before.one(Deployment.class)).getPorts()).extracting(ContainerPort::getName)
			.containsExactly("actuator");
		assertThat(after.named(ConfigMap.class, FULLNAME).getData())
			.isNotEqualTo(before.named(ConfigMap.class, FULLNAME).getData());
		ServicePort echo = after.named(Service.class, FULLNAME)
			.getSpec()
			.getPorts()
			.stream()
			.filter((port) -> port.getName().equals("echo-tcp"))
			.findFirst()
			.orElseThrow();
		assertThat(echo.getTargetPort()).isEqualTo(new IntOrString(9999));
	}

	@Test
	void withoutListenerReloadTheSameChangeRollsThePods() {
		Manifests before = HelmChart.render(null);
		Manifests after = HelmChart.render(null, Map.of("listeners.echo-tcp.port", 9999));
		assertThat(after.one(Deployment.class).getSpec().getTemplate().getMetadata().getAnnotations())
			.isNotEqualTo(before.one(Deployment.class).getSpec().getTemplate().getMetadata().getAnnotations());
		assertThat(RenderedConfig.of(before).tree().at("/wharf/reload").isMissingNode()).isTrue();
	}

}
