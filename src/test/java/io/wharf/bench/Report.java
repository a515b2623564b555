package io.wharf.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Collects every measurement, reduces repetitions to medians and prints and writes the
 * table of absolute figures and Wharf/Netty ratios against the goals.
 */
final class Report {

	private final BenchOptions options;

	private final Map<String, Map<String, List<double[]>>> runs = new LinkedHashMap<>();

	private final Map<String, String> descriptions = new LinkedHashMap<>();

	private final List<String> extra = new ArrayList<>();

	Report(BenchOptions options) {
		this.options = options;
	}

	void add(Scenario scenario, String server, LoadResult result, double cpuMicros) {
		this.descriptions.put(scenario.name(), scenario.what());
		this.runs.computeIfAbsent(scenario.name(), (k) -> new LinkedHashMap<>())
			.computeIfAbsent(server, (k) -> new ArrayList<>())
			.add(new double[] { result.perSecond(), result.percentileMicros(50), result.percentileMicros(99), cpuMicros,
					result.errors() });
	}

	void footprint(String server, int connections, double heapBytes, double rssBytes, int failures) {
		this.extra.add(String.format(Locale.ROOT,
				"| heap per connection after one exchange (%d more beside %1$d) | %s | %,.0f B | goal ≤ 5 KB%s |",
				connections, server, heapBytes, failures > 0 ? ", " + failures + " failed" : ""));
		this.extra.add(String.format(Locale.ROOT, "| RSS per connection (%d more beside %1$d) | %s | %,.0f B | |",
				connections, server, rssBytes));
	}

	void idle(String server, int connections, int held, long rssKb, long threads) {
		this.extra.add(String.format(Locale.ROOT,
				"| %,d idle TCP connections | %s | %,d held, RSS %,d MB, %,d threads | goal: all held, RSS ≤ 300 MB |",
				connections, server, held, rssKb / 1024, threads));
	}

	void refusals(String server, double[] counts) {
		this.extra.add(String.format(Locale.ROOT,
				"| refusals over the whole run, shipped per-client limits (over a limit but exempt) | %s | %,.0f (%,.0f) | goal 0 |",
				server, counts[0], counts[1]));
	}

	void sourceTables(double[] nanos) {
		this.extra.add(String.format(Locale.ROOT,
				"| a per-source table under a flood of random sources, per datagram on 2 threads (median of 5 rounds) | in-process | CPU %.0f ns, wall %.0f ns (Caffeine); CPU %.0f ns, wall %.0f ns (locked LinkedHashMap, before) | |",
				nanos[0], nanos[2], nanos[1], nanos[3]));
	}

	void peakRss(String server, long peakKb) {
		this.extra.add(String.format(Locale.ROOT,
				"| peak RSS over the whole run, sized for a 1 GiB container (-XX:MaxRAM=1g) | %s | %,d MB | goal < 1,024 MB |",
				server, peakKb / 1024));
	}

	void startup(String server, List<Double> seconds) {
		double[] figures = seconds.stream().mapToDouble(Double::doubleValue).toArray();
		this.extra.add(String.format(Locale.ROOT,
				"| start-up to ready (all ports + readiness UP), median of %d (%.2f–%.2f) | %s | %.2f s | goal ≤ 2 s |",
				figures.length, java.util.Arrays.stream(figures).min().orElse(0),
				java.util.Arrays.stream(figures).max().orElse(0), server, median(figures)));
	}

	/**
	 * The meters' share of the server's CPU per message: their measured cost against the
	 * CPU per message a Wharf server spent in a scenario of this run, when it ran.
	 */
	void meters(MeterCost.Result meters, String scenario, String server) {
		double[] figures = medians(this.runs.getOrDefault(scenario, Map.of()).get(server));
		String share = (figures == null) ? "(run " + scenario + " in the same run for the share)"
				: String.format(Locale.ROOT, "= %.1f %% of %s's %.1f µs CPU per message in %s",
						100 * (meters.onNanos() - meters.offNanos()) / (figures[3] * 1000), server, figures[3],
						scenario);
		this.extra.add(String.format(Locale.ROOT,
				"| meters on vs off, CPU per message (median of 5 rounds, 2 threads) | in-process | %.0f ns on, %.0f ns off: %.0f ns %s | goal ≤ 5 %% |",
				meters.onNanos(), meters.offNanos(), meters.onNanos() - meters.offNanos(), share));
	}

	void write() throws IOException {
		StringBuilder text = new StringBuilder();
		text.append("# Wharf vs Netty, ").append(ZonedDateTime.now()).append("\n\n");
		text.append(String.format(Locale.ROOT,
				"Medians of %d runs; %d s warm-up, %d s measured; machine: %s; JVM flags %s.%n%n", this.options.reps(),
				this.options.warmupMillis() / 1000, this.options.measureMillis() / 1000, machine(),
				Bench.jvmFlags(this.options)));
		List<String> wharfs = new ArrayList<>(
				this.options.transports().stream().map((transport) -> "wharf-" + transport).toList());
		if (this.options.baseline() != null) {
			wharfs.add("wharf-baseline");
		}
		text.append("| scenario | metric | Netty |");
		wharfs.forEach((wharf) -> text.append(' ').append(wharf).append(" | ratio |"));
		text.append("\n|---|---|---|").append("---|---|".repeat(wharfs.size())).append('\n');
		this.runs.forEach((scenario, servers) -> {
			double[] netty = medians(servers.get("netty"));
			String[] metrics = { "throughput (ops/s)", "p50 (µs)", "p99 (µs)", "server CPU per op (µs)", "errors" };
			for (int i = 0; i < metrics.length; i++) {
				text.append(String.format(Locale.ROOT, "| %s | %s | %s |", (i == 0) ? scenario : "", metrics[i],
						format(netty, i)));
				for (String wharf : wharfs) {
					double[] values = medians(servers.get(wharf));
					text.append(String.format(Locale.ROOT, " %s | %s |", format(values, i), ratio(netty, values, i)));
				}
				text.append('\n');
			}
		});
		text.append("\n| measurement | server | figure | goal |\n|---|---|---|---|\n");
		this.extra.forEach((line) -> text.append(line).append('\n'));
		text.append("\nScenarios:\n\n");
		this.descriptions
			.forEach((name, what) -> text.append("- `").append(name).append("`: ").append(what).append('\n'));
		System.out.println();
		System.out.println(text);
		Files.createDirectories(this.options.out());
		Files.writeString(this.options.out().resolve("results.md"), text);
	}

	private static String format(double[] values, int index) {
		return (values == null) ? "–" : String.format(Locale.ROOT, (index == 0) ? "%,.0f" : "%,.1f", values[index]);
	}

	private static String ratio(double[] netty, double[] wharf, int index) {
		if (netty == null || wharf == null || index == 4 || netty[index] == 0) {
			return "";
		}
		return String.format(Locale.ROOT, "%.2f", wharf[index] / netty[index]);
	}

	private static double[] medians(List<double[]> runs) {
		if (runs == null) {
			return null;
		}
		double[] medians = new double[runs.get(0).length];
		for (int i = 0; i < medians.length; i++) {
			int index = i;
			medians[i] = median(runs.stream().mapToDouble((run) -> run[index]).toArray());
		}
		return medians;
	}

	static double median(double[] values) {
		double[] sorted = values.clone();
		java.util.Arrays.sort(sorted);
		int middle = sorted.length / 2;
		return (sorted.length % 2 == 1) ? sorted[middle] : (sorted[middle - 1] + sorted[middle]) / 2;
	}

	private static String machine() {
		String cpu = "unknown CPU";
		try {
			cpu = Files.readAllLines(Path.of("/proc/cpuinfo"))
				.stream()
				.filter((line) -> line.startsWith("model name"))
				.findFirst()
				.map((line) -> line.substring(line.indexOf(':') + 1).trim())
				.orElse(cpu);
		}
		catch (IOException ex) {
			// Keep the placeholder.
		}
		return Runtime.getRuntime().availableProcessors() + " cores, " + cpu + ", Java "
				+ System.getProperty("java.version");
	}

}
