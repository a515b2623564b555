package io.wharf.bench;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;

import io.wharf.transport.udp.SourceTablesCost;
import org.jspecify.annotations.Nullable;

/**
 * Runs every scenario against the Netty baseline and against Wharf's packaged jar,
 * interleaved, several times, and prints medians with Wharf/Netty ratios.
 * {@code ./mvnw -Pbench verify}.
 */
public final class Bench {

	/**
	 * The image's flags that lower the JIT compiler threads' priority; a Wharf variant
	 * such as "netty-plainjit" runs without them.
	 */
	private static final List<String> COMPILER_PRIORITY = List.of("-XX:ThreadPriorityPolicy=1",
			"-XX:CompilerThreadPriority=10");

	/**
	 * The same JVM flags for both servers, sized as in a 1 GiB container (the heap starts
	 * small), with the container image's start-up flags.
	 */
	static final List<String> JVM_FLAGS = java.util.stream.Stream
		.concat(java.util.stream.Stream.of("-XX:MaxRAM=1g", "-XX:MaxRAMPercentage=50", "-XX:+UseG1GC",
				"-XX:+ExitOnOutOfMemoryError", "--enable-native-access=ALL-UNNAMED"), COMPILER_PRIORITY.stream())
		.toList();

	/**
	 * JDK 25's compact object headers, on in the image: with {@code --aot-cache} (the
	 * image's way, on its JDK) both servers start with them; a Wharf variant such as
	 * "netty-nocoh" starts without.
	 */
	static final String COMPACT_HEADERS = "-XX:+UseCompactObjectHeaders";

	/**
	 * The JVM flags of every server in a run: {@link #JVM_FLAGS}, and the image's compact
	 * object headers when the run starts servers the image's way.
	 * @param options the benchmark options
	 * @return the flags
	 */
	static List<String> jvmFlags(BenchOptions options) {
		if (!options.aotCache()) {
			return JVM_FLAGS;
		}
		List<String> flags = new ArrayList<>(JVM_FLAGS);
		flags.add(COMPACT_HEADERS);
		return flags;
	}

	/**
	 * Wharf starts on Spring AOT's generated bean definitions, as the image does; a
	 * variant such as "netty-noaot" starts without them.
	 */
	static final String SPRING_AOT = "-Dspring.aot.enabled=true";

	/**
	 * The name of the Wharf started from {@code --baseline}'s jar: an earlier commit,
	 * extracted and started the same way but without a class data sharing archive (the
	 * training run's class is the current one's).
	 */
	private static final String BASELINE = "wharf-baseline";

	/** The Actuator port of each Wharf under test. */
	private final Map<String, Integer> httpPorts = new LinkedHashMap<>();

	private final BenchOptions options;

	private @Nullable Path baselineJar;

	private final Report report;

	private Path wharfJar;

	private Tls tls;

	/** Where a traced variant exports its spans; started by the first one. */
	private @Nullable OtlpSink otlp;

	private Bench(BenchOptions options) {
		this.options = options;
		this.report = new Report(options);
		this.wharfJar = options.jar();
	}

	public static void main(String[] args) throws Exception {
		BenchOptions options = BenchOptions.parse(args);
		new Bench(options).run();
		System.exit(0);
	}

	private void run() throws Exception {
		java.nio.file.Files.createDirectories(this.options.out());
		// The profiles of this run only.
		java.nio.file.Files.deleteIfExists(this.options.out().resolve("profiles.md"));
		if (this.options.only().equals(List.of("embedded"))) {
			new EmbeddedBench(this.options).run();
			return;
		}
		this.tls = Tls.make(this.options.out().resolve("tls"));
		this.wharfJar = this.options.cds() ? ClassDataSharing.train(this.options) : this.options.jar();
		this.baselineJar = (this.options.baseline() != null) ? ClassDataSharing.extract(this.options,
				this.options.baseline(), this.options.out().resolve("baseline")) : null;
		if (this.options.only().equals(List.of("cluster"))) {
			new ClusterBench(this.options).run();
			return;
		}
		if (this.options.only().equals(List.of("soak"))) {
			Ports ports = new Ports();
			try (ServerProcess wharf = startWharf(ports, "wharf-soak", "netty")) {
				new Soak(this.options, wharf, ports).run();
			}
			return;
		}
		Ports ports = new Ports();
		Map<String, Target> targets = new LinkedHashMap<>();
		List<ServerProcess> processes = new ArrayList<>();
		try {
			ServerProcess netty = startNetty(ports);
			processes.add(netty);
			targets.put("netty", new Target(netty, ports.nettyTcp, ports.nettyTcp, ports.nettyTcp, ports.nettyUdp, -1,
					ports.nettyTls, this.tls.authority()));
			for (String transport : this.options.transports()) {
				Ports own = new Ports();
				ServerProcess wharf = startWharf(own, "wharf-" + transport, transport);
				processes.add(wharf);
				targets.put(wharf.name(), new Target(wharf, own.echoRaw, own.echoLine, own.echoFramed, own.echoUdp,
						own.greeting, own.echoTls, this.tls.authority()));
				this.httpPorts.put(wharf.name(), own.http);
			}
			if (this.options.baseline() != null) {
				Ports own = new Ports();
				ServerProcess baseline = startWharf(own, BASELINE, "netty");
				processes.add(baseline);
				targets.put(BASELINE, new Target(baseline, own.echoRaw, own.echoLine, own.echoFramed, own.echoUdp,
						own.greeting, own.echoTls, this.tls.authority()));
			}
			for (int rep = 0; rep < this.options.reps(); rep++) {
				for (Scenario scenario : Scenario.all(this.options)) {
					if (!this.options.includes(scenario.name())) {
						continue;
					}
					List<String> order = new ArrayList<>(targets.keySet());
					java.util.Collections.rotate(order, rep);
					for (String name : order) {
						if (scenario.nettyToo() || !name.equals("netty")) {
							measure(scenario, name, targets.get(name));
						}
					}
				}
			}
			for (Map.Entry<String, Target> entry : targets.entrySet()) {
				if (this.options.includes("footprint")) {
					connectionFootprint(entry.getKey(), entry.getValue());
				}
			}
			for (Map.Entry<String, Target> entry : targets.entrySet()) {
				if (this.options.includes("footprint-tls")) {
					tlsFootprint(entry.getKey(), entry.getValue());
				}
			}
			for (Map.Entry<String, Target> entry : targets.entrySet()) {
				if (this.options.includes("idle")) {
					idleConnections(entry.getKey(), entry.getValue());
				}
			}
			for (Map.Entry<String, Target> entry : targets.entrySet()) {
				this.report.peakRss(entry.getKey(), entry.getValue().process().peakRssKb());
			}
			this.httpPorts.forEach((name, port) -> this.report.refusals(name, refusals(port)));
		}
		finally {
			for (ServerProcess process : processes) {
				process.close();
			}
		}
		if (this.otlp != null) {
			System.out.printf("OTLP sink: %,d bytes of spans exported by the traced variants%n", this.otlp.bytes());
		}
		if (this.options.includes("startup")) {
			startup();
		}
		if (this.options.includes("sources")) {
			double[] nanos = SourceTablesCost.measure(1_000_000);
			this.report.sourceTables(nanos);
		}
		if (this.options.includes("meters")) {
			MeterCost.Result meters = MeterCost.measure(Math.max(1000, this.options.measureMillis() / 2));
			System.out.printf("meters per message: %.0f ns CPU on, %.0f ns off%n", meters.onNanos(), meters.offNanos());
			this.report.meters(meters, "pingpong-line-100", "wharf-" + this.options.transports().get(0));
		}
		this.report.write();
	}

	private void measure(Scenario scenario, String server, Target target) throws Exception {
		ScheduledExecutorService clock = Executors.newSingleThreadScheduledExecutor();
		try {
			ScheduledFuture<Double> before = clock.schedule(target.process()::cpuSeconds, this.options.warmupMillis(),
					TimeUnit.MILLISECONDS);
			ScheduledFuture<Double> after = clock.schedule(target.process()::cpuSeconds,
					this.options.warmupMillis() + this.options.measureMillis(), TimeUnit.MILLISECONDS);
			Instant from = Instant.now().plusMillis(this.options.warmupMillis());
			Instant to = from.plusMillis(this.options.measureMillis());
			LoadResult result = scenario.load().apply(target);
			double cpuMicros = (after.get() - before.get()) * 1e6 / Math.max(1, result.operations());
			if (scenario.name().equals(this.options.profile())) {
				Path recorded = target.process()
					.dumpRecording(this.options.out().resolve("profile-" + server + "-" + scenario.name() + ".jfr"));
				Profile.write(this.options.out(),
						Profile.summarise(recorded, from, to, result.operations(), server + " " + scenario.name()));
			}
			this.report.add(scenario, server, result, cpuMicros);
			System.out.printf("%-24s %-6s %12.0f/s  p50 %8.1f us  p99 %8.1f us  cpu %7.2f us/op  errors %d%n",
					scenario.name(), server, result.perSecond(), result.percentileMicros(50),
					result.percentileMicros(99), cpuMicros, result.errors());
		}
		finally {
			clock.shutdownNow();
		}
	}

	/**
	 * The marginal cost of a connection: heap and RSS after a full GC with N connections
	 * open, then with 2N, divided by N. Measuring from zero would count pools and caches
	 * the first connections warm up, and whatever earlier scenarios left behind.
	 */
	private void connectionFootprint(String server, Target target) throws Exception {
		int count = this.options.footprintConnections();
		try (IdleClients first = IdleClients.open(target.linePort(), count)) {
			long heapBefore = target.process().heapAfterGcKb();
			long rssBefore = target.process().rssKb();
			try (IdleClients second = IdleClients.open(target.linePort(), count)) {
				long heapAfter = target.process().heapAfterGcKb();
				long rssAfter = target.process().rssKb();
				double heap = (heapAfter - heapBefore) * 1024.0 / count;
				double rss = (rssAfter - rssBefore) * 1024.0 / count;
				this.report.footprint(server, count, heap, rss, first.failures() + second.failures());
				System.out.printf("footprint %-6s %d more connections: heap %.0f B/conn, RSS %.0f B/conn%n", server,
						count, heap, rss);
			}
		}
	}

	/** The marginal heap of a held TLS connection, measured as for plaintext ones. */
	private void tlsFootprint(String server, Target target) throws Exception {
		int count = this.options.footprintConnections();
		List<io.netty.channel.Channel> first = TlsLoad.hold(target.tlsPort(), target.authority(), count);
		long heapBefore = target.process().heapAfterGcKb();
		long rssBefore = target.process().rssKb();
		List<io.netty.channel.Channel> second = TlsLoad.hold(target.tlsPort(), target.authority(), count);
		long heapAfter = target.process().heapAfterGcKb();
		long rssAfter = target.process().rssKb();
		double heap = (heapAfter - heapBefore) * 1024.0 / count;
		double rss = (rssAfter - rssBefore) * 1024.0 / count;
		this.report.footprint(server + " (TLS)", count, heap, rss, 0);
		System.out.printf("footprint-tls %-6s %d more connections: heap %.0f B/conn, RSS %.0f B/conn%n", server, count,
				heap, rss);
		for (io.netty.channel.Channel channel : first) {
			channel.close();
		}
		for (io.netty.channel.Channel channel : second) {
			channel.close().syncUninterruptibly();
		}
		first.get(0).eventLoop().parent().shutdownGracefully();
		second.get(0).eventLoop().parent().shutdownGracefully();
	}

	private void idleConnections(String server, Target target) throws Exception {
		int count = this.options.idleConnections();
		try (IdleClients clients = IdleClients.open(target.linePort(), count)) {
			// The scenario itself: the connections stay idle for a while before they must
			// answer again.
			java.util.concurrent.TimeUnit.SECONDS.sleep(2);
			int held = clients.stillAnswering();
			long rss = target.process().rssKb();
			long threads = target.process().threads();
			this.report.idle(server, count, held, rss, threads);
			System.out.printf("idle %-6s %d connections: %d held, RSS %d MB, %d threads%n", server, count, held,
					rss / 1024, threads);
		}
	}

	/**
	 * Starts each Wharf variant in turn, as many rounds as repetitions (at least three),
	 * and times each from launch to every port accepting and readiness UP.
	 */
	private void startup() throws Exception {
		Map<String, List<Double>> seconds = new LinkedHashMap<>();
		this.options.transports().forEach((transport) -> seconds.put(transport, new ArrayList<>()));
		if (this.baselineJar != null) {
			seconds.put("baseline", new ArrayList<>());
		}
		for (int round = 0; round < Math.max(3, this.options.reps()); round++) {
			for (String transport : seconds.keySet()) {
				Ports ports = new Ports();
				long start = System.nanoTime();
				String name = transport.equals("baseline") ? BASELINE + "-startup-" + round
						: "wharf-startup-" + transport + "-" + round;
				try (ServerProcess wharf = startWharf(ports, name,
						transport.equals("baseline") ? "netty" : transport)) {
					wharf.awaitPorts(Duration.ofSeconds(60), ports.greeting, ports.echoRaw, ports.echoLine,
							ports.echoFramed);
					awaitReady(ports.http);
					seconds.get(transport).add((System.nanoTime() - start) / 1e9);
				}
			}
		}
		seconds.forEach((transport, figures) -> {
			this.report.startup("wharf-" + transport, figures);
			System.out.printf("startup wharf-%s: %s s to ready%n", transport, figures);
		});
	}

	/**
	 * Every refusal a per-client limit or listener limit made over the run, from the
	 * server's own meters: connections refused, datagrams and replies dropped by a source
	 * limit or the loop guard; and how often a limit was exceeded by an exempt client.
	 */
	private static double[] refusals(int httpPort) {
		try {
			String scrape = HttpClient.newHttpClient()
				.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + httpPort + "/actuator/prometheus"))
					.build(), HttpResponse.BodyHandlers.ofString())
				.body();
			double refused = 0;
			double exempt = 0;
			for (String line : scrape.lines().toList()) {
				double value = line.startsWith("#") ? 0 : Double.parseDouble(line.substring(line.lastIndexOf(' ') + 1));
				if (line.startsWith("wharf_connections_rejected_total{")
						|| (line.startsWith("wharf_datagrams_dropped_total{")
								&& line.matches(".*reason=\"(rate_limited|amplification|loop)\".*"))) {
					refused += value;
				}
				else if (line.startsWith("wharf_client_limits_exceeded_total{") && line.contains("action=\"exempt\"")) {
					exempt += value;
				}
			}
			return new double[] { refused, exempt };
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new IllegalStateException(ex);
		}
	}

	private static void awaitReady(int httpPort) throws Exception {
		HttpClient client = HttpClient.newHttpClient();
		HttpRequest request = HttpRequest
			.newBuilder(URI.create("http://127.0.0.1:" + httpPort + "/actuator/health/readiness"))
			.timeout(Duration.ofSeconds(2))
			.build();
		org.awaitility.Awaitility.await("Wharf ready")
			.atMost(Duration.ofSeconds(60))
			.pollInterval(Duration.ofMillis(5))
			.ignoreExceptionsInstanceOf(IOException.class)
			.until(() -> client.send(request, HttpResponse.BodyHandlers.discarding()).statusCode() == 200);
	}

	/**
	 * The --jvm-arg flags, with {server} replaced by the server's name; with --profile, a
	 * flight recording from the start (starting one in a running JVM deoptimises it for a
	 * long while), of which the measured window is read.
	 */
	private List<String> serverJvmArgs(String server) {
		List<String> args = new ArrayList<>(
				this.options.jvmArgs().stream().map((arg) -> arg.replace("{server}", server)).toList());
		if (this.options.profile() != null) {
			args.add("-XX:StartFlightRecording=name=bench,settings=profile");
		}
		return args;
	}

	private ServerProcess startNetty(Ports ports) throws Exception {
		List<String> command = new ArrayList<>(List.of(this.options.java()));
		command.addAll(jvmFlags(this.options));
		command.addAll(serverJvmArgs("netty"));
		command.addAll(List.of("-cp", System.getProperty("java.class.path"), NettyEchoServer.class.getName(),
				Integer.toString(ports.nettyTcp), Integer.toString(ports.nettyUdp), Integer.toString(ports.nettyTls),
				this.tls.certificate().toString(), this.tls.key().toString()));
		ServerProcess netty = ServerProcess.start("netty", command, this.options.out().resolve("netty.log"));
		netty.awaitPorts(Duration.ofSeconds(30), ports.nettyTcp);
		return netty;
	}

	private ServerProcess startWharf(Ports ports, String name, String transport) throws Exception {
		// A variant such as "netty-nometrics" runs that transport with Wharf's meters
		// switched off.
		List<String> variant = List.of(transport.split("-"));
		List<String> command = new ArrayList<>(List.of(this.options.java()));
		command.addAll(jvmFlags(this.options));
		command.addAll(serverJvmArgs(name));
		// "plain" starts as a bare java -jar does (the same heap sizing): no start-up
		// flags and no archive; the packaged jar picks Spring AOT itself ("plain-noaot":
		// -Dspring.aot.enabled=false).
		boolean plain = variant.contains("plain");
		if (variant.contains("plainjit") || plain) {
			command.removeAll(COMPILER_PRIORITY);
		}
		if (variant.contains("nocoh") || plain) {
			command.remove(COMPACT_HEADERS);
		}
		boolean springAot = !variant.contains("noaot");
		if (plain && !springAot) {
			command.add("-Dspring.aot.enabled=false");
		}
		else if (springAot && !plain) {
			command.add(SPRING_AOT);
		}
		boolean baseline = name.startsWith(BASELINE);
		if (this.options.cds() && !baseline && !plain) {
			command.add(ClassDataSharing.runFlag(this.options, springAot));
		}
		Path jar = baseline ? this.baselineJar : this.wharfJar;
		command.addAll(List.of("-jar", jar.toString(), "--server.port=" + ports.http, "--spring.main.banner-mode=off",
				"--logging.level.root=WARN",
				// Wharf's own INFO lines stay on: the session line is part of a
				// connection's cost.
				"--logging.level.io.wharf=INFO", "--wharf.listeners.greeting-tcp.port=" + ports.greeting,
				"--wharf.listeners.greeting-udp.port=" + ports.greeting,
				"--wharf.listeners.echo-tcp.port=" + ports.echoRaw, "--wharf.listeners.echo-udp.port=" + ports.echoUdp,
				"--wharf.listeners.echo-line.port=" + ports.echoLine,
				"--wharf.listeners.echo-framed.port=" + ports.echoFramed,
				// TLS echo, raw framing, on the bundle the Netty baseline's TLS port uses
				// too.
				"--spring.ssl.bundle.pem.bench.keystore.certificate=file:" + this.tls.certificate(),
				"--spring.ssl.bundle.pem.bench.keystore.private-key=file:" + this.tls.key(),
				"--wharf.listeners.echo-tls.protocol=tcp", "--wharf.listeners.echo-tls.port=" + ports.echoTls,
				"--wharf.listeners.echo-tls.service=echo", "--wharf.listeners.echo-tls.ssl.bundle=bench"));
		for (String listener : List.of("greeting-tcp", "echo-tcp", "echo-line", "echo-framed", "echo-tls")) {
			// Room for the idle-connections scenario beside connections still closing.
			command.add("--wharf.listeners." + listener + ".max-connections=50000");
		}
		// The per-client limits are the shipped ones: all load comes from loopback, which
		// they count on every connection and datagram (so their cost is measured) and
		// never refuse (exempt-clients); the report counts every refusal.
		if (variant.contains("nometrics")) {
			command.add("--management.metrics.enable.wharf=false");
		}
		if (variant.contains("strict")) {
			// Nobody exempt, and limits far above the load: every per-client check runs
			// and counts as for an ordinary client, and refuses nothing.
			command.addAll(List.of("--wharf.listener-defaults.exempt-clients=",
					"--wharf.listener-defaults.max-connections-per-client=1000000",
					"--wharf.listener-defaults.max-connections-per-prefix=1000000",
					"--wharf.listener-defaults.connection-rate-per-client=100000000",
					"--wharf.listener-defaults.connection-burst-per-client=100000000",
					"--wharf.listener-defaults.datagram-rate=100000000",
					"--wharf.listener-defaults.datagram-burst=100000000"));
		}
		if (variant.contains("traced")) {
			// Tracing on as an operator would run it: 1 % of the messages and sessions
			// sampled, their spans exported over OTLP/HTTP.
			if (this.otlp == null) {
				this.otlp = OtlpSink.start();
			}
			command.addAll(List.of("--wharf.tracing.enabled=true", "--management.tracing.sampling.probability=0.01",
					"--management.opentelemetry.tracing.export.otlp.endpoint=" + this.otlp.endpoint()));
		}
		if (variant.contains("nolimits")) {
			// The per-client limits and the deadlines off: what they cost is the
			// difference.
			command.addAll(List.of("--wharf.listener-defaults.max-connections-per-client=0",
					"--wharf.listener-defaults.max-connections-per-prefix=0",
					"--wharf.listener-defaults.connection-rate-per-client=0",
					"--wharf.listener-defaults.datagram-rate=0", "--wharf.listener-defaults.idle-timeout=0",
					"--wharf.listener-defaults.frame-timeout=0", "--wharf.listener-defaults.write-timeout=0"));
		}
		command.addAll(this.options.wharfArgs());
		ServerProcess wharf = ServerProcess.start(name, command, this.options.out().resolve(name + ".log"));
		if (!name.contains("startup")) {
			wharf.awaitPorts(Duration.ofSeconds(60), ports.echoLine, ports.echoFramed, ports.echoRaw, ports.greeting);
		}
		return wharf;
	}

	/**
	 * The TLS material both servers use, made at run time: a CA and a server certificate
	 * for localhost (EC P-256).
	 */
	record Tls(Path authority, Path certificate, Path key) {

		static Tls make(Path directory) throws IOException {
			java.nio.file.Files.createDirectories(directory);
			io.wharf.TestCertificates.Issued ca = io.wharf.TestCertificates.authority("Wharf Bench CA");
			Tls tls = new Tls(directory.resolve("ca.crt"), directory.resolve("server.crt"),
					directory.resolve("server.key"));
			io.wharf.TestCertificates.writePem(tls.authority(), ca.certificate());
			io.wharf.TestCertificates.server(ca, Duration.ofDays(7)).write(tls.certificate(), tls.key());
			return tls;
		}

	}

	/** Free ports for one set of servers. */
	static final class Ports {

		final int nettyTcp = free();

		final int nettyUdp = free();

		final int http = free();

		final int greeting = free();

		final int echoRaw = free();

		final int echoUdp = free();

		final int echoLine = free();

		final int echoFramed = free();

		final int nettyTls = free();

		final int echoTls = free();

		private static int free() {
			try (ServerSocket socket = new ServerSocket(0)) {
				return socket.getLocalPort();
			}
			catch (IOException ex) {
				throw new java.io.UncheckedIOException(ex);
			}
		}

	}

	/** Where a server serves each scenario. */
	record Target(ServerProcess process, int rawPort, int linePort, int framedPort, int udpPort, int greetingPort,
			int tlsPort, Path authority) {

		int port(LoadFraming framing) {
			return switch (framing) {
				case RAW -> this.rawPort;
				case LINE -> this.linePort;
				case LENGTH_PREFIX -> this.framedPort;
			};
		}

	}

}
