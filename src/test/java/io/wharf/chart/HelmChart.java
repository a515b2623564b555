package io.wharf.chart;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import com.marcnuri.helm.Helm;
import com.marcnuri.helm.LintResult;
import com.marcnuri.helm.TemplateCommand;
import org.jspecify.annotations.Nullable;

import org.springframework.util.FileSystemUtils;

/**
 * The chart {@code helm/wharf} driven through embedded Helm (helm-java), as a user's
 * {@code helm template} would render it.
 */
final class HelmChart {

	static final Path DIRECTORY = Path.of("helm", "wharf");

	static final String RELEASE = "edge";

	static final String NAMESPACE = "wharf-system";

	/** The Actuator paths the service serves for the probes and for Prometheus. */
	static final String LIVENESS = "/actuator/health/liveness";

	static final String READINESS = "/actuator/health/readiness";

	static final String PROMETHEUS = "/actuator/prometheus";

	/** A Kubernetes version with every feature the chart uses (preStop sleep). */
	static final String KUBE_VERSION = "1.33.0";

	private HelmChart() {
	}

	static LintResult lint() {
		return new Helm(DIRECTORY).lint().strict().call();
	}

	/**
	 * Renders the chart with the given values files (under {@code ci/}) and {@code --set}
	 * values.
	 * @param scenario a values file name under {@code helm/wharf/ci}, or {@code null} for
	 * the defaults
	 * @param set values as {@code --set} would give them
	 * @return the parsed manifests
	 */
	static Manifests render(@Nullable String scenario, Map<String, Object> set) {
		return Manifests.parse(template(DIRECTORY, scenario, set, KUBE_VERSION));
	}

	static Manifests render(@Nullable String scenario) {
		return render(scenario, Map.of());
	}

	static String template(Path chart, @Nullable String scenario, Map<String, Object> set, String kubeVersion) {
		TemplateCommand command = new Helm(chart).template()
			.withName(RELEASE)
			.withNamespace(NAMESPACE)
			.withKubeVersion(kubeVersion);
		if (scenario != null) {
			command = command.withValuesFile(DIRECTORY.resolve("ci").resolve(scenario));
		}
		for (Map.Entry<String, Object> value : set.entrySet()) {
			command = command.set(value.getKey(), value.getValue());
		}
		return command.call();
	}

	/**
	 * Renders the {@code helm test} hooks too: embedded Helm, like {@code helm install},
	 * keeps hooks out of the manifest, so this renders a copy of the chart whose test
	 * templates lost their hook annotation.
	 * @param scenario a values file under {@code ci/}, or {@code null}
	 * @param set values as {@code --set} would give them
	 * @param workDirectory where the copy goes
	 * @return the parsed manifests, test pod and its ConfigMap included
	 */
	static Manifests renderWithTests(@Nullable String scenario, Map<String, Object> set, Path workDirectory) {
		Path copy = workDirectory.resolve("wharf");
		try {
			FileSystemUtils.copyRecursively(DIRECTORY, copy);
			try (Stream<Path> tests = Files.list(copy.resolve("templates").resolve("tests"))) {
				for (Path test : tests.toList()) {
					List<String> lines = Files.readAllLines(test);
					Files.write(test, lines.stream().filter((line) -> !line.contains("\"helm.sh/hook")).toList());
				}
			}
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
		return Manifests.parse(template(copy, scenario, set, KUBE_VERSION));
	}

	/**
	 * The NOTES.txt a {@code helm install} prints, from a client-only dry run.
	 * @param scenario a values file under {@code ci/}, or {@code null}
	 * @return the install output, notes included
	 */
	static String installNotes(@Nullable String scenario) {
		var install = new Helm(DIRECTORY).install()
			.withName(RELEASE)
			.withNamespace(NAMESPACE)
			.withKubeVersion(KUBE_VERSION)
			.clientOnly()
			.dryRun();
		if (scenario != null) {
			install = install.withValuesFile(DIRECTORY.resolve("ci").resolve(scenario));
		}
		return install.call().getOutput();
	}

}
