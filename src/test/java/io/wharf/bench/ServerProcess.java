package io.wharf.bench;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.awaitility.Awaitility;

/**
 * A server under test in its own JVM: started from a command line, observed through /proc
 * (CPU time, RSS, threads) and jcmd (heap after a full GC).
 */
final class ServerProcess implements AutoCloseable {

	private static final Pattern HISTOGRAM_TOTAL = Pattern.compile("(?m)^Total\\s+(\\d+)\\s+(\\d+)");

	/** Clock ticks per second in /proc/[pid]/stat; 100 on every Linux this runs on. */
	private static final double TICKS_PER_SECOND = 100.0;

	private final String name;

	private final Process process;

	private ServerProcess(String name, Process process) {
		this.name = name;
		this.process = process;
	}

	static ServerProcess start(String name, List<String> command, Path log) throws IOException {
		Files.createDirectories(log.getParent());
		Process process = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(log.toFile()).start();
		return new ServerProcess(name, process);
	}

	String name() {
		return this.name;
	}

	long pid() {
		return this.process.pid();
	}

	/** Waits until every port accepts a connection. */
	void awaitPorts(Duration timeout, int... ports) {
		for (int port : ports) {
			Awaitility.await(this.name + " listening on port " + port)
				.atMost(timeout)
				.pollInterval(Duration.ofMillis(5))
				.failFast(() -> !this.process.isAlive())
				.until(() -> accepts(port));
		}
	}

	static boolean accepts(int port) {
		try (Socket socket = new Socket()) {
			socket.connect(new InetSocketAddress("127.0.0.1", port), 200);
			return true;
		}
		catch (IOException ex) {
			return false;
		}
	}

	/** User plus system CPU time of the whole process, in seconds. */
	double cpuSeconds() throws IOException {
		return cpuSecondsOf(pid());
	}

	/** User plus system CPU time of a process, in seconds. */
	static double cpuSecondsOf(long pid) throws IOException {
		String stat = Files.readString(Path.of("/proc", Long.toString(pid), "stat"));
		String[] fields = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
		return (Long.parseLong(fields[11]) + Long.parseLong(fields[12])) / TICKS_PER_SECOND;
	}

	long rssKb() throws IOException {
		return status("VmRSS:");
	}

	/**
	 * The most memory the process has held at once since it started.
	 * @return its peak RSS in kilobytes
	 */
	long peakRssKb() throws IOException {
		return status("VmHWM:");
	}

	long threads() throws IOException {
		return status("Threads:");
	}

	private long status(String field) throws IOException {
		for (String line : Files.readAllLines(Path.of("/proc", Long.toString(pid()), "status"))) {
			if (line.startsWith(field)) {
				return Long.parseLong(line.substring(field.length()).trim().split("\\s+")[0]);
			}
		}
		throw new IllegalStateException("no " + field + " in /proc status");
	}

	/** Heap in use after a full GC, in KB. */
	/**
	 * The live objects' size: {@code GC.class_histogram} collects first and counts only
	 * what survives, where the heap's used size after a collection also counted what the
	 * process allocated between the collection and the reading.
	 */
	long heapAfterGcKb() throws IOException, InterruptedException {
		Matcher matcher = HISTOGRAM_TOTAL.matcher(jcmd("GC.class_histogram"));
		if (!matcher.find()) {
			throw new IllegalStateException("cannot read the live heap of " + this.name);
		}
		return Long.parseLong(matcher.group(2)) / 1024;
	}

	/**
	 * Writes what the flight recording started with the process holds so far.
	 * @param file where
	 * @return the file
	 */
	Path dumpRecording(Path file) throws IOException, InterruptedException {
		jcmd("JFR.dump name=bench filename=" + file.toAbsolutePath());
		return file;
	}

	private String jcmd(String command) throws IOException, InterruptedException {
		Path jcmd = Path.of(System.getProperty("java.home"), "bin", "jcmd");
		Process run = new ProcessBuilder(jcmd.toString(), Long.toString(pid()), command).redirectErrorStream(true)
			.start();
		String output = new String(run.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
		run.waitFor(60, TimeUnit.SECONDS);
		return output;
	}

	@Override
	public void close() throws InterruptedException {
		this.process.destroy();
		if (!this.process.waitFor(10, TimeUnit.SECONDS)) {
			this.process.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
		}
	}

}
