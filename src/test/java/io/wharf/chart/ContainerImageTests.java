package io.wharf.chart;

import java.io.IOException;
import java.io.InputStream;
import java.util.List;
import java.util.Locale;
import java.util.Properties;
import java.util.Set;
import java.util.stream.Collectors;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import io.fabric8.kubernetes.api.model.Container;
import io.fabric8.kubernetes.api.model.PodSpec;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import org.junit.jupiter.api.Test;

import org.springframework.core.io.ClassPathResource;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The Dockerfile, the packaged application.yml, the project version and the chart's
 * defaults agree: ports, user, writable paths, listeners and version.
 */
class ContainerImageTests {

	private static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory());

	private final Dockerfile dockerfile = Dockerfile.read();

	private final Deployment deployment = HelmChart.render(null).one(Deployment.class);

	@Test
	void exposedPortsAreTheChartsDefaultContainerPorts() {
		Set<String> exposed = this.dockerfile.arguments("EXPOSE")
			.stream()
			.flatMap((line) -> List.of(line.split("\\s+")).stream())
			.collect(Collectors.toSet());
		Set<String> chart = container().getPorts()
			.stream()
			.map((port) -> port.getContainerPort() + "/" + port.getProtocol().toLowerCase(Locale.ROOT))
			.collect(Collectors.toSet());
		assertThat(exposed).isEqualTo(chart).contains("8080/tcp", "6000/udp");
	}

	@Test
	void imageUserIsTheChartsNonRootUser() {
		PodSpec pod = this.deployment.getSpec().getTemplate().getSpec();
		assertThat(this.dockerfile.arguments("USER"))
			.containsExactly(pod.getSecurityContext().getRunAsUser() + ":" + pod.getSecurityContext().getRunAsGroup());
		assertThat(container().getSecurityContext().getRunAsUser()).isEqualTo(pod.getSecurityContext().getRunAsUser())
			.isNotZero();
	}

	@Test
	void onlyTmpIsWrittenAndTheChartMountsItWritable() {
		assertThat(this.dockerfile.arguments("VOLUME")).containsExactly("/tmp");
		assertThat(container().getSecurityContext().getReadOnlyRootFilesystem()).isTrue();
		assertThat(container().getVolumeMounts())
			.anySatisfy((mount) -> assertThat(mount.getMountPath()).isEqualTo("/tmp"));
	}

	@Test
	void runsJavaDirectlySizedFromTheContainerOnATemurinJre21OrLater() throws IOException {
		List<String> entrypoint = this.dockerfile.entrypoint();
		assertThat(entrypoint.get(0)).as("exec form, no shell").isEqualTo("java");
		assertThat(entrypoint).anyMatch((flag) -> flag.startsWith("-XX:MaxRAMPercentage="))
			.contains("-XX:+ExitOnOutOfMemoryError");
		List<String> stages = this.dockerfile.arguments("FROM");
		assertThat(stages.get(stages.size() - 1)).isEqualTo("${RUNTIME_IMAGE} AS runtime");
		String runtime = this.dockerfile.arguments("ARG")
			.stream()
			.filter((arg) -> arg.startsWith("RUNTIME_IMAGE="))
			.findFirst()
			.orElseThrow()
			.substring("RUNTIME_IMAGE=".length());
		assertThat(runtime).as("the default base").matches("eclipse-temurin:\\d+-jre");
		assertThat(Integer.parseInt(runtime.replaceAll("\\D*(\\d+)-jre.*", "$1"))).isGreaterThanOrEqualTo(21);
	}

	@Test
	void theImageCarriesTheOciLabels() {
		String labels = String.join(" ", this.dockerfile.arguments("LABEL"));
		assertThat(labels).contains("org.opencontainers.image.title=", "org.opencontainers.image.version=",
				"org.opencontainers.image.revision=", "org.opencontainers.image.created=",
				"org.opencontainers.image.source=", "org.opencontainers.image.base.name=");
	}

	@Test
	void trainingStartUsesTheEntrypointsFlags() {
		List<String> trainingFlags = this.dockerfile.trainingRun();
		List<String> runFlags = this.dockerfile.entrypoint()
			.stream()
			.filter((flag) -> flag.startsWith("-") && !flag.startsWith("-XX:AOTCache=") && !flag.equals("-jar"))
			.toList();
		// The JVM refuses an AOT cache made with other module options, and one trained
		// without Spring AOT would miss its generated classes.
		assertThat(trainingFlags).containsAll(runFlags)
			.contains("-XX:AOTCacheOutput=/app/wharf.aot")
			.containsSequence("-cp", "/app/wharf.jar", "io.wharf.server.TrainingRun");
		assertThat(runFlags).contains("-Dspring.aot.enabled=true", "--enable-native-access=ALL-UNNAMED");
	}

	@Test
	void chartDefaultsStartThePackagedListeners() throws IOException {
		JsonNode packaged = YAML.readTree(new ClassPathResource("wharf/application.yml").getInputStream());
		JsonNode chart = YAML.readTree(HelmChart.DIRECTORY.resolve("values.yaml").toFile()).path("listeners");
		assertThat(chart).isEqualTo(packaged.at("/wharf/listeners"));
		JsonNode rendered = RenderedConfig.of(HelmChart.render(null)).tree().at("/wharf/listeners");
		assertThat(rendered).isEqualTo(packaged.at("/wharf/listeners"));
	}

	@Test
	void chartAppVersionIsTheProjectVersion() throws IOException {
		Properties build = new Properties();
		try (InputStream in = new ClassPathResource("META-INF/build-info.properties").getInputStream()) {
			build.load(in);
		}
		JsonNode chart = YAML.readTree(HelmChart.DIRECTORY.resolve("Chart.yaml").toFile());
		assertThat(chart.path("appVersion").asText()).isEqualTo(build.getProperty("build.version"));
		assertThat(chart.path("version").asText()).matches("\\d+\\.\\d+\\.\\d+(-[0-9A-Za-z.-]+)?");
		assertThat(container().getImage()).endsWith(":" + build.getProperty("build.version"));
	}

	private Container container() {
		return HelmChartTests.container(this.deployment);
	}

}
