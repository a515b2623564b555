package io.wharf.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import io.wharf.RedisServer;
import org.HdrHistogram.Histogram;

/**
 * Broadcast across a cluster against the same broadcast within one instance, in one run:
 * three Wharf instances in cluster mode on a real Redis with 1,000 listening sessions
 * each, and one instance without cluster mode with all 3,000; one speaker per instance
 * sends lines at a fixed total rate and each line is broadcast to every other session.
 * Reported: delivered frames per second, latency from send to client (p50, p99), the
 * Wharf processes' CPU per delivered frame, and Redis's. {@code --only cluster}.
 */
final class ClusterBench {

	private static final int INSTANCES = 3;

	private final BenchOptions options;

	private final int perInstance;

	private final List<Integer> rates;

	/**
	 * The benchmark; {@code --cluster-rates 10,30} (lines broadcast per second across the
	 * speakers, each rate measured in turn) and {@code --cluster-sessions 1000} (per
	 * instance) size it.
	 */
	ClusterBench(BenchOptions options) {
		this.options = options;
		this.perInstance = options.clusterSessions();
		this.rates = options.clusterRates();
	}

	void run() throws Exception {
		Map<String, List<double[]>> runs = new LinkedHashMap<>();
		try (RedisServer redis = RedisServer.start(null)) {
			List<ServerProcess> cluster = new ArrayList<>();
			List<Integer> clusterPorts = new ArrayList<>();
			for (int i = 0; i < INSTANCES; i++) {
				Bench.Ports ports = new Bench.Ports();
				clusterPorts.add(ports.echoLine);
				cluster.add(start("cluster-" + (char) ('a' + i), ports,
						List.of("--wharf.cluster.enabled=true", "--wharf.cluster.instance-id=bench-" + (char) ('a' + i),
								"--spring.data.redis.url=" + redis.url())));
			}
			Bench.Ports single = new Bench.Ports();
			ServerProcess one = start("single", single, List.of());
			try {
				for (int rep = 0; rep < this.options.reps(); rep++) {
					for (int rate : this.rates) {
						runs.computeIfAbsent("cluster|" + rate, (k) -> new ArrayList<>())
							.add(measure(clusterPorts, this.perInstance, rate, cluster, redis));
						runs.computeIfAbsent("single|" + rate, (k) -> new ArrayList<>())
							.add(measure(List.of(single.echoLine), INSTANCES * this.perInstance, rate, List.of(one),
									null));
					}
				}
			}
			finally {
				for (ServerProcess process : cluster) {
					process.close();
				}
				one.close();
			}
		}
		report(runs);
	}

	private ServerProcess start(String name, Bench.Ports ports, List<String> cluster) throws IOException {
		List<String> command = new ArrayList<>(List.of(this.options.java()));
		command.addAll(Bench.jvmFlags(this.options));
		command.addAll(List.of("-cp", System.getProperty("java.class.path"), BroadcastServer.class.getName(),
				"--server.port=" + ports.http, "--spring.main.banner-mode=off", "--logging.level.root=WARN",
				"--wharf.listeners.room.protocol=tcp", "--wharf.listeners.room.port=" + ports.echoLine,
				"--wharf.listeners.room.service=room", "--wharf.listeners.room.framing.type=line",
				"--wharf.listeners.room.max-connections-per-client=0",
				"--wharf.listeners.room.max-connections-per-prefix=0",
				"--wharf.listeners.room.connection-rate-per-client=0"));
		for (String listener : List.of("greeting-tcp", "greeting-udp", "echo-tcp", "echo-udp", "echo-line",
				"echo-framed")) {
			command.add("--wharf.listeners." + listener + ".enabled=false");
		}
		command.addAll(cluster);
		ServerProcess process = ServerProcess.start(name, command, this.options.out().resolve(name + ".log"));
		process.awaitPorts(Duration.ofSeconds(60), ports.echoLine);
		return process;
	}

	/**
	 * One measured window: [frames/s, p50 µs, p99 µs, Wharf CPU µs/frame, Redis CPU
	 * µs/frame].
	 */
	private double[] measure(List<Integer> ports, int perPort, int rate, List<ServerProcess> servers, RedisServer redis)
			throws Exception {
		try (BroadcastLoad load = new BroadcastLoad(ports, perPort)) {
			load.speak(rate, this.options.warmupMillis());
			load.interval();
			long deliveredBefore = load.delivered();
			double cpuBefore = cpu(servers);
			double redisBefore = (redis != null) ? ServerProcess.cpuSecondsOf(redis.pid()) : 0;
			long start = System.nanoTime();
			load.speak(rate, this.options.measureMillis());
			// The last lines are still on their way: wait a moment before counting.
			Thread.sleep(500);
			double seconds = (System.nanoTime() - start) / 1e9;
			long frames = load.delivered() - deliveredBefore;
			double cpu = cpu(servers) - cpuBefore;
			double redisCpu = (redis != null) ? ServerProcess.cpuSecondsOf(redis.pid()) - redisBefore : 0;
			Histogram latencies = load.interval();
			double[] figures = { frames / seconds, latencies.getValueAtPercentile(50),
					latencies.getValueAtPercentile(99), cpu * 1e6 / Math.max(1, frames),
					redisCpu * 1e6 / Math.max(1, frames) };
			System.out.printf(Locale.ROOT,
					"broadcast %-8s %3d/s %,10.0f frames/s  p50 %8.0f us  p99 %8.0f us  Wharf cpu %6.2f us/frame  "
							+ "Redis cpu %5.2f us/frame%n",
					(redis != null) ? "cluster" : "single", rate, figures[0], figures[1], figures[2], figures[3],
					figures[4]);
			return figures;
		}
	}

	private static double cpu(List<ServerProcess> servers) throws IOException {
		double total = 0;
		for (ServerProcess server : servers) {
			total += server.cpuSeconds();
		}
		return total;
	}

	private void report(Map<String, List<double[]>> runs) throws IOException {
		StringBuilder text = new StringBuilder(String.format(Locale.ROOT,
				"# Broadcast across a cluster, %d instances x %d sessions%n%n| setup | lines broadcast/s | frames/s "
						+ "| p50 (µs) | p99 (µs) | Wharf CPU per frame (µs) | Redis CPU per frame (µs) |%n"
						+ "|---|---|---|---|---|---|---|%n",
				INSTANCES, this.perInstance));
		runs.forEach((setup, figures) -> {
			double[] medians = new double[5];
			for (int i = 0; i < medians.length; i++) {
				int index = i;
				medians[i] = Report.median(figures.stream().mapToDouble((run) -> run[index]).toArray());
			}
			String[] names = setup.split("\\|");
			text.append(String.format(Locale.ROOT, "| %s | %s | %,.0f | %,.0f | %,.0f | %.2f | %.2f |%n", names[0],
					names[1], medians[0], medians[1], medians[2], medians[3], medians[4]));
		});
		System.out.println(text);
		Files.createDirectories(this.options.out());
		Files.writeString(this.options.out().resolve("cluster.md"), text);
	}

}
