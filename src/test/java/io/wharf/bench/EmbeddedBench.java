package io.wharf.bench;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.springframework.util.FileSystemUtils;

/**
 * What Wharf costs an application that depends on it: an empty Spring Boot application
 * (spring-boot-starter only) against the same application with {@code io.wharf:wharf},
 * one TCP listener and one service, each built by Maven from
 * {@code src/test/embedded-apps} (one main class for both) against the Wharf just
 * installed in the local repository (the examples' invoker step installs it before the
 * benchmark runs), and started in turn from its classes and dependencies, as
 * {@code spring-boot:run} or an IDE would. Reported for each, as medians: JVM uptime and
 * process CPU when the application is ready, bean definitions, log lines written up to
 * then, and of them Spring Integration's INFO lines. {@code --only embedded}.
 */
final class EmbeddedBench {

	private static final Pattern READY = Pattern.compile("bench-ready uptime_ms=(\\d+) cpu_ms=(\\d+) beans=(\\d+)");

	private static final List<String> APPLICATIONS = List.of("plain", "wharf");

	private final BenchOptions options;

	EmbeddedBench(BenchOptions options) {
		this.options = options;
	}

	void run() throws Exception {
		Path root = this.options.out().resolve("embedded").toAbsolutePath();
		Map<String, List<String>> commands = new LinkedHashMap<>();
		for (String application : APPLICATIONS) {
			commands.put(application, build(application, root.resolve(application)));
		}
		Map<String, List<double[]>> runs = new LinkedHashMap<>();
		int starts = Math.max(7, this.options.reps() * 2 + 1);
		for (int i = 0; i < starts; i++) {
			for (String application : APPLICATIONS) {
				runs.computeIfAbsent(application, (key) -> new ArrayList<>())
					.add(start(application, commands.get(application), root.resolve(application + "-" + i + ".log")));
			}
		}
		report(runs, starts);
	}

	/** Builds the application and answers the command that starts it. */
	private List<String> build(String application, Path directory) throws IOException, InterruptedException {
		FileSystemUtils.deleteRecursively(directory);
		Path apps = Path.of("src", "test", "embedded-apps");
		FileSystemUtils.copyRecursively(apps.resolve(application), directory);
		// The same main class in both, which reports when the application was ready.
		Path main = directory.resolve("src/main/java/bench/EmbeddedApplication.java");
		Files.createDirectories(main.getParent());
		Files.copy(apps.resolve("EmbeddedApplication.java"), main);
		Path classpath = directory.resolve("classpath.txt");
		List<String> maven = List.of(Path.of("mvnw").toAbsolutePath().toString(), "-q", "-B", "-f",
				directory.resolve("pom.xml").toString(), "-Dwharf.version=" + wharfVersion(), "compile",
				"dependency:build-classpath", "-Dmdep.includeScope=runtime", "-Dmdep.outputFile=" + classpath);
		Process process = new ProcessBuilder(maven).redirectErrorStream(true)
			.redirectOutput(directory.resolve("build.log").toFile())
			.start();
		if (!process.waitFor(10, TimeUnit.MINUTES) || process.exitValue() != 0) {
			process.destroyForcibly();
			throw new IllegalStateException(
					"building " + application + " failed, see " + directory.resolve("build.log"));
		}
		List<String> command = new ArrayList<>(List.of(this.options.java()));
		command.addAll(this.options.jvmArgs());
		command.addAll(List.of("-cp", directory.resolve("target/classes") + ":" + Files.readString(classpath).strip(),
				"bench.EmbeddedApplication"));
		return command;
	}

	private static String wharfVersion() {
		String version = System.getProperty("wharf.version");
		if (version == null) {
			throw new IllegalStateException("-Dwharf.version is required (the pom's bench profile sets it)");
		}
		return version;
	}

	/** Starts the application once: uptime, CPU, beans, log lines, SI INFO lines. */
	private static double[] start(String application, List<String> command, Path log)
			throws IOException, InterruptedException {
		Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
		List<String> lines = new ArrayList<>();
		Matcher ready = null;
		try (BufferedReader out = new BufferedReader(
				new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8))) {
			for (String line = out.readLine(); line != null; line = out.readLine()) {
				Matcher matcher = READY.matcher(line);
				if (ready == null && matcher.find()) {
					ready = matcher;
				}
				else if (ready == null) {
					lines.add(line);
				}
			}
		}
		process.waitFor(1, TimeUnit.MINUTES);
		Files.write(log, lines);
		if (ready == null) {
			throw new IllegalStateException(application + " did not start, see " + log);
		}
		long logLines = lines.stream().filter((line) -> !line.isBlank()).count();
		long integrationInfo = lines.stream()
			.filter((line) -> line.contains(" INFO ") && (line.contains("o.s.integration.") || line.contains("o.s.i.")
					|| line.contains("org.springframework.integration")))
			.count();
		return new double[] { Double.parseDouble(ready.group(1)), Double.parseDouble(ready.group(2)),
				Double.parseDouble(ready.group(3)), logLines, integrationInfo };
	}

	private void report(Map<String, List<double[]>> runs, int starts) throws IOException {
		StringBuilder text = new StringBuilder(String
			.format(Locale.ROOT, "# Wharf in an empty Spring Boot application, median of %d starts%n%n"
					+ "| application | ready after (ms) | CPU to ready (ms) | beans | log lines | Spring Integration INFO lines |%n"
					+ "|---|---|---|---|---|---|%n", starts));
		Map<String, double[]> medians = new LinkedHashMap<>();
		runs.forEach((application, figures) -> {
			double[] median = new double[5];
			for (int i = 0; i < median.length; i++) {
				int index = i;
				median[i] = Report.median(figures.stream().mapToDouble((run) -> run[index]).toArray());
			}
			medians.put(application, median);
			text.append(String.format(Locale.ROOT, "| %s | %,.0f | %,.0f | %.0f | %.0f | %.0f |%n",
					application.equals("plain") ? "empty (spring-boot-starter)" : "with Wharf, one listener", median[0],
					median[1], median[2], median[3], median[4]));
		});
		double[] plain = medians.get("plain");
		double[] wharf = medians.get("wharf");
		text.append(String.format(Locale.ROOT, "%nWharf adds %,.0f ms to start-up, %,.0f ms of CPU and %.0f beans.%n",
				wharf[0] - plain[0], wharf[1] - plain[1], wharf[2] - plain[2]));
		System.out.println(text);
		Files.createDirectories(this.options.out());
		Files.writeString(this.options.out().resolve("embedded.md"), text);
	}

}
