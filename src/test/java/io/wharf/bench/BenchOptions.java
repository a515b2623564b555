package io.wharf.bench;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

import org.jspecify.annotations.Nullable;

/**
 * Command-line options of the benchmark.
 *
 * @param jar Wharf's packaged jar
 * @param out where results and server logs go
 * @param java the java launcher for both servers
 * @param reps repetitions of every scenario (medians are reported)
 * @param warmupMillis warm-up before each measurement
 * @param measureMillis length of each measurement
 * @param footprintConnections connections for the heap and RSS per connection figures
 * @param idleConnections connections for the idle-connections scenario
 * @param wharfArgs extra arguments for Wharf, e.g.
 * {@code --wharf.listeners.echo-line.idle-timeout=1m}
 * @param jvmArgs extra JVM flags for both servers, e.g. a flight recording; {server} in a
 * flag is replaced by the server's name
 * @param transports the Wharf variants to run, one process each
 * @param cds whether Wharf starts with a class data sharing archive or AOT cache
 * @param aotCache whether that is a JDK 25 AOT cache (as in the container image) rather
 * than a CDS archive
 * @param only the scenarios and measurements to run; all when empty ({@code soak} only
 * when named, alone)
 * @param soakMinutes how long the soak runs
 * @param clusterSessions sessions per instance in the cluster benchmark
 * @param clusterRates lines broadcast per second in the cluster benchmark, each in turn
 * @param baseline another Wharf jar (an earlier commit's) run beside this one as
 * {@code wharf-baseline}, for a before and after in one sitting; null for none
 * @param profile a scenario whose measured window every server records a flight recording
 * of, summarised in {@code profiles.md}; null for none
 */
record BenchOptions(Path jar, Path out, String java, int reps, long warmupMillis, long measureMillis,
		int footprintConnections, int idleConnections, List<String> wharfArgs, List<String> jvmArgs,
		List<String> transports, boolean cds, boolean aotCache, List<String> only, int soakMinutes, int clusterSessions,
		List<Integer> clusterRates, @Nullable Path baseline, @Nullable String profile) {

	boolean includes(String part) {
		return this.only.isEmpty() || this.only.contains(part);
	}

	static BenchOptions parse(String[] args) {
		Path jar = null;
		Path out = Path.of("target", "bench");
		String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
		int reps = 3;
		long warmup = 2000;
		long measure = 5000;
		int footprint = 1000;
		int idle = 10_000;
		List<String> wharfArgs = new ArrayList<>();
		List<String> jvmArgs = new ArrayList<>();
		List<String> transports = List.of("netty");
		String profile = null;
		List<String> only = List.of();
		boolean cds = true;
		boolean aotCache = false;
		int soakMinutes = 30;
		Path baseline = null;
		int clusterSessions = 1000;
		List<Integer> clusterRates = List.of(10, 30);
		for (int i = 0; i < args.length; i++) {
			switch (args[i]) {
				case "--jar" -> jar = Path.of(args[++i]);
				case "--baseline" -> baseline = Path.of(args[++i]);
				case "--profile" -> profile = args[++i];
				case "--cluster-sessions" -> clusterSessions = Integer.parseInt(args[++i]);
				case "--cluster-rates" ->
					clusterRates = Arrays.stream(args[++i].split(",")).map(Integer::valueOf).toList();
				case "--jvm-arg" -> jvmArgs.add(args[++i]);
				case "--out" -> out = Path.of(args[++i]);
				case "--java" -> java = args[++i];
				case "--reps" -> reps = Integer.parseInt(args[++i]);
				case "--warmup" -> warmup = Long.parseLong(args[++i]) * 1000;
				case "--seconds" -> measure = Long.parseLong(args[++i]) * 1000;
				case "--footprint" -> footprint = Integer.parseInt(args[++i]);
				case "--idle" -> idle = Integer.parseInt(args[++i]);
				case "--transports" -> transports = List.of(args[++i].split(","));
				case "--only" -> only = List.of(args[++i].split(","));
				case "--no-cds" -> cds = false;
				case "--minutes" -> soakMinutes = Integer.parseInt(args[++i]);
				case "--aot-cache" -> aotCache = true;
				case "--quick" -> {
					reps = 1;
					warmup = 1000;
					measure = 2000;
					idle = 2000;
				}
				default -> {
					if (args[i].startsWith("--wharf.") || args[i].startsWith("--management.")
							|| args[i].startsWith("--logging.")) {
						wharfArgs.add(args[i]);
					}
					else if (!args[i].isBlank()) {
						throw new IllegalArgumentException("unknown option " + args[i]);
					}
				}
			}
		}
		if (jar == null) {
			throw new IllegalArgumentException("--jar <wharf jar> is required");
		}
		return new BenchOptions(jar, out, java, reps, warmup, measure, footprint, idle, List.copyOf(wharfArgs),
				List.copyOf(jvmArgs), transports, cds, aotCache, only, soakMinutes, clusterSessions, clusterRates,
				baseline, profile);
	}

}
