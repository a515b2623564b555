package io.wharf.chart;

import java.io.IOException;
import java.nio.file.Files;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import io.fabric8.kubernetes.api.model.ConfigMap;
import io.fabric8.kubernetes.api.model.ContainerPort;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.Service;
import io.fabric8.kubernetes.api.model.ServiceAccount;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import io.fabric8.kubernetes.api.model.autoscaling.v2.HorizontalPodAutoscaler;
import io.fabric8.kubernetes.api.model.autoscaling.v2.MetricSpec;
import io.fabric8.kubernetes.api.model.networking.v1.NetworkPolicy;
import io.fabric8.kubernetes.api.model.networking.v1.NetworkPolicyIngressRule;
import io.fabric8.kubernetes.api.model.networking.v1.NetworkPolicyPort;
import io.fabric8.kubernetes.api.model.policy.v1.PodDisruptionBudget;
import io.fabric8.openshift.api.model.monitoring.v1.PodMonitor;
import io.fabric8.openshift.api.model.monitoring.v1.PrometheusRule;
import io.fabric8.openshift.api.model.monitoring.v1.ServiceMonitor;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

/**
 * The resources behind {@code enabled} toggles, all on in
 * {@code ci/all-optional-values.yaml}, and absent by default.
 */
class OptionalResourcesTests {

	private static final String FULLNAME = HelmChartTests.FULLNAME;

	private static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory());

	private static Manifests all;

	@BeforeAll
	static void render() {
		all = HelmChart.render("all-optional-values.yaml");
	}

	@Test
	void noOptionalResourceByDefault() {
		Manifests defaults = HelmChart.render(null);
		for (Class<? extends HasMetadata> kind : List.of(ServiceMonitor.class, PodMonitor.class, PrometheusRule.class,
				PodDisruptionBudget.class, HorizontalPodAutoscaler.class, NetworkPolicy.class)) {
			assertThat(defaults.has(kind)).as(kind.getSimpleName()).isFalse();
		}
		assertThat(defaults.all(ConfigMap.class)).extracting((configMap) -> configMap.getMetadata().getName())
			.containsExactly(FULLNAME);
		assertThat(defaults.one(ServiceAccount.class).getMetadata().getName()).isEqualTo(FULLNAME);
	}

	@Test
	void serviceMonitorScrapesThePrometheusPathOnTheActuatorService() {
		ServiceMonitor monitor = all.one(ServiceMonitor.class);
		assertThat(monitor.getMetadata().getLabels()).containsEntry("release", "prometheus");
		assertThat(monitor.getSpec().getEndpoints()).singleElement().satisfies((endpoint) -> {
			assertThat(endpoint.getPath()).isEqualTo(HelmChart.PROMETHEUS);
			assertThat(endpoint.getPort()).isEqualTo("actuator");
			assertThat(endpoint.getInterval()).isEqualTo("30s");
		});
		Service actuator = all.named(Service.class, FULLNAME + "-actuator");
		assertThat(actuator.getMetadata().getLabels())
			.containsAllEntriesOf(monitor.getSpec().getSelector().getMatchLabels());
		assertThat(all.all(Service.class)).filteredOn((service) -> service != actuator)
			.noneSatisfy((service) -> assertThat(service.getMetadata().getLabels())
				.containsAllEntriesOf(monitor.getSpec().getSelector().getMatchLabels()));
		assertThat(monitor.getSpec().getNamespaceSelector().getMatchNames()).containsExactly(HelmChart.NAMESPACE);
	}

	@Test
	void podMonitorScrapesTheContainersActuatorPort() {
		Manifests all = HelmChart.render("all-optional-values.yaml",
				Map.of("metrics.serviceMonitor.enabled", false, "metrics.podMonitor.enabled", true));
		assertThat(all.has(ServiceMonitor.class)).isFalse();
		PodMonitor monitor = all.one(PodMonitor.class);
		assertThat(monitor.getSpec().getPodMetricsEndpoints()).singleElement().satisfies((endpoint) -> {
			assertThat(endpoint.getPath()).isEqualTo(HelmChart.PROMETHEUS);
			assertThat(endpoint.getPort()).isEqualTo("actuator");
		});
		Deployment deployment = all.one(Deployment.class);
		assertThat(deployment.getSpec().getTemplate().getMetadata().getLabels())
			.containsAllEntriesOf(monitor.getSpec().getSelector().getMatchLabels());
		assertThat(HelmChartTests.container(deployment).getPorts()).extracting(ContainerPort::getName)
			.contains("actuator");
	}

	@Test
	void prometheusRuleHoldsTheAlertRulesFileTheBuildTests() throws IOException {
		PrometheusRule rule = all.one(PrometheusRule.class);
		JsonNode file = YAML.readTree(Files.readString(HelmChart.DIRECTORY.resolve("files/alerts.yaml")));
		JsonNode rendered = YAML.valueToTree(rule.getSpec());
		// The one change by default: absent() looks at the release's namespace only.
		for (JsonNode each : file.at("/groups/0/rules")) {
			if (each.path("expr").asText().equals("absent(wharf_listener_up)")) {
				((com.fasterxml.jackson.databind.node.ObjectNode) each).put("expr",
						"absent(wharf_listener_up{namespace=\"" + HelmChart.NAMESPACE + "\"})");
			}
		}
		assertThat(rendered.get("groups")).isEqualTo(file.get("groups"));
		assertThat(rendered.at("/groups/0/rules/0/annotations/summary").asText()).contains("{{ $labels.listener }}");
		assertThat(rule.getMetadata().getLabels()).containsEntry("release", "prometheus");
	}

	@Test
	void alertsCanBeSwitchedOffLabelledLinkedAndAddedTo() {
		PrometheusRule rule = HelmChart
			.render("all-optional-values.yaml", Map.of("metrics.prometheusRule.disabled.WharfHeapHigh", true,
					"metrics.prometheusRule.additionalLabels.team", "devices", "metrics.prometheusRule.runbookBaseUrl",
					"https://git.example.com/wharf/-/blob/main", "metrics.prometheusRule.additionalRules[0].alert",
					"DevicesQuiet", "metrics.prometheusRule.additionalRules[0].expr",
					"sum(rate(wharf_messages_received_total{listener=\"devices\"}[5m])) == 0"))
			.one(PrometheusRule.class);
		var wharf = rule.getSpec().getGroups().get(0).getRules();
		assertThat(wharf).extracting((each) -> each.getAlert()).doesNotContain("WharfHeapHigh").contains("WharfAbsent");
		assertThat(wharf).allSatisfy((each) -> {
			assertThat(each.getLabels()).containsEntry("team", "devices").containsKey("severity");
			assertThat(each.getAnnotations().get("runbook_url")).isEqualTo(
					"https://git.example.com/wharf/-/blob/main/docs/runbooks.md#" + each.getAlert().toLowerCase());
		});
		assertThat(rule.getSpec().getGroups().get(2).getName()).isEqualTo("wharf-additional");
		assertThat(rule.getSpec().getGroups().get(2).getRules()).singleElement()
			.satisfies((own) -> assertThat(own.getAlert()).isEqualTo("DevicesQuiet"));
	}

	@Test
	void theObjectivesAndTheLatencyThresholdAreChartValues() {
		PrometheusRule rule = HelmChart
			.render("all-optional-values.yaml",
					Map.of("metrics.prometheusRule.slo.availability", 99.5,
							"metrics.prometheusRule.slo.latency.objective", 95,
							"metrics.prometheusRule.slo.latency.threshold", 1))
			.one(PrometheusRule.class);
		var objectives = rule.getSpec().getGroups().get(1);
		assertThat(objectives.getName()).isEqualTo("wharf-slo");
		Map<String, String> records = new java.util.HashMap<>();
		objectives.getRules()
			.stream()
			.filter((each) -> each.getRecord() != null)
			.forEach((each) -> records.put(each.getRecord(), each.getExpr().getStrVal()));
		assertThat(records).containsEntry("wharf:slo_availability_objective", "vector(99.5 / 100)")
			.containsEntry("wharf:slo_latency_objective", "vector(95 / 100)");
		assertThat(records.get("wharf_listener:slo_slow:ratio_rate1h")).contains("le=\"1.0\"")
			.doesNotContain("le=\"0.1\"");
	}

	@Test
	void everyAlertCanBeSwitchedOffByName() throws IOException {
		JsonNode file = YAML.readTree(Files.readString(HelmChart.DIRECTORY.resolve("files/alerts.yaml")));
		List<String> alerts = file.findValuesAsText("alert");
		JsonNode schema = new ObjectMapper().readTree(HelmChart.DIRECTORY.resolve("values.schema.json").toFile());
		List<String> named = new ArrayList<>();
		schema.at("/properties/metrics/properties/prometheusRule/properties/disabled/propertyNames/enum")
			.forEach((name) -> named.add(name.asText()));
		assertThat(named).containsExactlyInAnyOrderElementsOf(alerts).hasSize(15);
	}

	@Test
	void dashboardConfigMapHoldsTheDashboardAsIs() throws IOException {
		ConfigMap dashboard = all.named(ConfigMap.class, FULLNAME + "-dashboard");
		assertThat(dashboard.getMetadata().getLabels()).containsEntry("grafana_dashboard", "1");
		assertThat(dashboard.getMetadata().getAnnotations()).containsEntry("grafana_folder", "Wharf");
		ObjectMapper json = new ObjectMapper();
		assertThat(json.readTree(dashboard.getData().get("wharf.json")))
			.isEqualTo(json.readTree(HelmChart.DIRECTORY.resolve("dashboards/wharf.json").toFile()));
	}

	@Test
	void disruptionBudgetAndAutoscalerTargetTheDeployment() {
		Deployment deployment = all.one(Deployment.class);
		assertThat(deployment.getSpec().getReplicas()).as("left to the autoscaler").isNull();
		PodDisruptionBudget budget = all.one(PodDisruptionBudget.class);
		assertThat(budget.getSpec().getMinAvailable().getIntVal()).isEqualTo(2);
		assertThat(deployment.getSpec().getTemplate().getMetadata().getLabels())
			.containsAllEntriesOf(budget.getSpec().getSelector().getMatchLabels());
		HorizontalPodAutoscaler autoscaler = all.one(HorizontalPodAutoscaler.class);
		assertThat(autoscaler.getSpec().getScaleTargetRef().getKind()).isEqualTo("Deployment");
		assertThat(autoscaler.getSpec().getScaleTargetRef().getName()).isEqualTo(deployment.getMetadata().getName());
		assertThat(autoscaler.getSpec().getMinReplicas()).isEqualTo(3);
		assertThat(autoscaler.getSpec().getMaxReplicas()).isEqualTo(12);
		List<MetricSpec> metrics = autoscaler.getSpec().getMetrics();
		assertThat(metrics).extracting(MetricSpec::getType).containsExactly("Resource", "Pods");
		assertThat(metrics.get(0).getResource().getTarget().getAverageUtilization()).isEqualTo(60);
		assertThat(metrics.get(1).getPods().getMetric().getName()).isEqualTo("wharf_connections_active");
		assertThat(metrics.get(1).getPods().getTarget().getAverageValue().toString()).isEqualTo("4000");
	}

	@Test
	void networkPolicyAdmitsEachListenerWithItsProtocolAndTheActuatorFromMonitoring() {
		NetworkPolicy policy = all.one(NetworkPolicy.class);
		assertThat(policy.getSpec().getPolicyTypes()).containsExactly("Ingress");
		List<NetworkPolicyIngressRule> rules = policy.getSpec().getIngress();
		assertThat(rules).hasSize(2);
		assertThat(rules.get(0).getPorts())
			.extracting((port) -> port.getPort().getIntVal(), NetworkPolicyPort::getProtocol)
			.containsExactlyInAnyOrder(tuple(6000, "TCP"), tuple(6000, "UDP"), tuple(8888, "TCP"), tuple(8888, "UDP"),
					tuple(8889, "TCP"), tuple(8890, "TCP"));
		assertThat(rules.get(0).getFrom()).singleElement()
			.satisfies((peer) -> assertThat(peer.getIpBlock().getCidr()).isEqualTo("10.0.0.0/8"));
		assertThat(rules.get(1).getPorts())
			.extracting((port) -> port.getPort().getIntVal(), NetworkPolicyPort::getProtocol)
			.containsExactly(tuple(8080, "TCP"));
		assertThat(rules.get(1).getFrom()).singleElement()
			.satisfies((peer) -> assertThat(peer.getNamespaceSelector().getMatchLabels())
				.isEqualTo(Map.of("kubernetes.io/metadata.name", "monitoring")));
		assertThat(all.one(Deployment.class).getSpec().getTemplate().getMetadata().getLabels())
			.containsAllEntriesOf(policy.getSpec().getPodSelector().getMatchLabels());
	}

}
