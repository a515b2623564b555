package io.wharf.chart;

import java.util.LinkedHashMap;
import java.util.Map;

import io.fabric8.kubernetes.api.model.apps.Deployment;
import io.fabric8.openshift.api.model.monitoring.v1.PodMonitor;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalStateException;

/**
 * Bad values stop {@code helm install} before anything reaches the cluster: the schema
 * rejects what it can see, the templates what needs two values at once.
 */
class ValuesValidationTests {

	@ParameterizedTest(name = "{0}={1}")
	@CsvSource(delimiter = '|', textBlock = """
			listeners.echo-tcp.port                 | 70000       | maximum
			listeners.echo-tcp.port                 | 0           | minimum
			listeners.echo-tcp.protocol             | sctp        | protocol
			listeners.echo-tcp.service              | '2 words'   | service
			listeners.echo-tcp.framing.type         | json        | type
			listeners.echo-tcp.framing.header-size  | 3           | header-size
			listeners.echo-tcp.framing.byte-order   | middle      | byte-order
			listeners.echo-tcp.transport            | netty       | transport
			listeners.echo-tcp.idle-timeout         | soon        | idle-timeout
			listeners.echo-tcp.protocoll            | tcp         | protocoll
			listeners.Echo_Upper.port               | 7000        | Echo_Upper
			listeners.a-name-far-too-long.port      | 7000        | a-name-far-too-long
			listeners.new-one.port                  | 7000        | protocol
			service.type                            | External    | type
			replicas                                | 2           | replicas
			metrics.prometheusRule.slo.latency.threshold | 0.2    | threshold
			metrics.prometheusRule.slo.availability | 100         | availability
			tracing.endpoint                        | collector:4318 | endpoint
			tracing.samplingProbability             | 2           | samplingProbability
			""")
	void schemaRejects(String key, String value, String named) {
		assertThatIllegalStateException().isThrownBy(() -> HelmChart.render(null, Map.of(key, value)))
			.withMessageContaining("values don't meet the specifications of the schema")
			.withMessageContaining(named);
	}

	@Test
	void aServiceMonitorAndAPodMonitorTogetherAreRefused() {
		assertThatIllegalStateException()
			.isThrownBy(() -> HelmChart.render(null,
					Map.of("metrics.serviceMonitor.enabled", true, "metrics.podMonitor.enabled", true)))
			.withMessageContaining("values don't meet the specifications of the schema")
			.withMessageContaining("metrics");
		assertThat(HelmChart.render(null, Map.of("metrics.podMonitor.enabled", true)).has(PodMonitor.class)).isTrue();
	}

	@Test
	void theImagesTakeTheGlobalRegistryWhenTheirsIsEmpty() {
		Manifests manifests = HelmChart.render(null, Map.of("global.imageRegistry", "registry.example.com"));
		assertThat(HelmChartTests.container(manifests.one(Deployment.class)).getImage())
			.startsWith("registry.example.com/wharf:");
		Manifests own = HelmChart.render(null,
				Map.of("global.imageRegistry", "registry.example.com", "image.registry", "mine.example.com"));
		assertThat(HelmChartTests.container(own.one(Deployment.class)).getImage())
			.startsWith("mine.example.com/wharf:");
	}

	@ParameterizedTest(name = "{0}")
	@CsvSource(delimiter = '|',
			textBlock = """
					two listeners on tcp 8888      | listeners.echo-line.port=8888                                  | listeners echo-line and echo-tcp both bind tcp port 8888
					two on one Service port        | listeners.echo-line.servicePort=8888                           | listeners echo-line and echo-tcp both use tcp Service port 8888
					the Actuator's port            | actuator.port=8889                                             | listener echo-line binds TCP port 8889, the Actuator port
					a listener named actuator      | listeners.actuator.port=7000;listeners.actuator.protocol=tcp;listeners.actuator.service=echo | the name 'actuator' is the Actuator port's
					an autoscaler with no metric   | autoscaling.enabled=true;autoscaling.targetCPUUtilizationPercentage=null | set targetCPUUtilizationPercentage, or connections.enabled
					""")
	void templatesRejectWhatTheSchemaCannotSee(String description, String assignments, String message) {
		Map<String, Object> set = new LinkedHashMap<>();
		for (String assignment : assignments.split(";")) {
			String[] keyValue = assignment.split("=", 2);
			set.put(keyValue[0], keyValue[1]);
		}
		assertThatIllegalStateException().isThrownBy(() -> HelmChart.render(null, set)).withMessageContaining(message);
	}

}
