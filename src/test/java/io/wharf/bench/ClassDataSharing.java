package io.wharf.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;

import org.springframework.util.FileSystemUtils;

/**
 * Prepares Wharf the way Spring Boot recommends deploying it for fast start-up: the jar
 * extracted, and a class data sharing archive (or, with {@code --aot-cache} on JDK 25,
 * the AOT cache the container image bakes) written by a training run that exits once the
 * context is refreshed.
 */
final class ClassDataSharing {

	private ClassDataSharing() {
	}

	static Path archive(BenchOptions options) {
		return options.out().resolve("app").resolve(options.aotCache() ? "wharf.aot" : "wharf.jsa").toAbsolutePath();
	}

	/**
	 * The flag that starts Wharf with the trained archive.
	 * @param options the benchmark options
	 * @return the JVM flag
	 */
	static String runFlag(BenchOptions options) {
		return (options.aotCache() ? "-XX:AOTCache=" : "-XX:SharedArchiveFile=") + archive(options);
	}

	/**
	 * Extracts the jar and trains the archive.
	 * @param options the benchmark options
	 * @return the extracted jar to run
	 */
	static Path train(BenchOptions options) throws IOException, InterruptedException {
		Path directory = options.out().resolve("app").toAbsolutePath();
		FileSystemUtils.deleteRecursively(directory);
		run(options, List.of(options.java(), "-Djarmode=tools", "-jar", options.jar().toAbsolutePath().toString(),
				"extract", "--destination", directory.toString()));
		Path jar = directory.resolve(options.jar().getFileName());
		run(options,
				List.of(options.java(),
						(options.aotCache() ? "-XX:AOTCacheOutput=" : "-XX:ArchiveClassesAtExit=") + archive(options),
						"-Dspring.context.exit=onRefresh", "-jar", jar.toString(), "--server.port=0",
						"--wharf.listeners.greeting-tcp.port=0", "--wharf.listeners.greeting-udp.port=0",
						"--wharf.listeners.echo-tcp.port=0", "--wharf.listeners.echo-udp.port=0",
						"--wharf.listeners.echo-line.port=0", "--wharf.listeners.echo-framed.port=0"));
		if (!Files.exists(archive(options))) {
			throw new IllegalStateException("no class data sharing archive was written");
		}
		return jar;
	}

	private static void run(BenchOptions options, List<String> command) throws IOException, InterruptedException {
		Process process = new ProcessBuilder(command).redirectErrorStream(true)
			.redirectOutput(options.out().resolve("cds-training.log").toFile())
			.start();
		if (!process.waitFor(180, TimeUnit.SECONDS)) {
			process.destroyForcibly();
			throw new IllegalStateException("timed out: " + command);
		}
	}

}
