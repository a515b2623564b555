package io.wharf.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

import org.springframework.util.FileSystemUtils;

/**
 * Prepares Wharf the way Spring Boot recommends deploying it for fast start-up: the jar
 * extracted, and a class data sharing archive (or, with {@code --aot-cache} on JDK 25,
 * the AOT cache the container image bakes) written by the image's training run, which
 * starts Wharf, sends a message to every listener and exits; one archive with Spring
 * AOT's generated code (as the image starts) and, for a "noaot" variant, one without.
 */
final class ClassDataSharing {

	private static final String TRAINING_RUN = "io.wharf.server.TrainingRun";

	private ClassDataSharing() {
	}

	static Path archive(BenchOptions options, boolean springAot) {
		String name = "wharf" + (springAot ? "" : "-noaot") + (options.aotCache() ? ".aot" : ".jsa");
		return options.out().resolve("app").resolve(name).toAbsolutePath();
	}

	/**
	 * The flag that starts Wharf with the trained archive.
	 * @param options the benchmark options
	 * @param springAot whether Wharf starts on Spring AOT's generated code
	 * @return the JVM flag
	 */
	static String runFlag(BenchOptions options, boolean springAot) {
		return (options.aotCache() ? "-XX:AOTCache=" : "-XX:SharedArchiveFile=") + archive(options, springAot);
	}

	/**
	 * Extracts the jar and trains both archives.
	 * @param options the benchmark options
	 * @return the extracted jar to run
	 */
	static Path train(BenchOptions options) throws IOException, InterruptedException {
		Path jar = extract(options, options.jar(), options.out().resolve("app"));
		for (boolean springAot : List.of(true, false)) {
			// Trained with the flags it runs with: an AOT cache is refused when, for one,
			// --enable-native-access differs.
			List<String> training = new ArrayList<>(List.of(options.java()));
			training.addAll(Bench.jvmFlags(options));
			if (springAot) {
				training.add(Bench.SPRING_AOT);
			}
			training.addAll(List.of(
					(options.aotCache() ? "-XX:AOTCacheOutput=" : "-XX:ArchiveClassesAtExit=")
							+ archive(options, springAot),
					"-cp", jar.toString(), TRAINING_RUN, "--server.port=0", "--wharf.listeners.greeting-tcp.port=0",
					"--wharf.listeners.greeting-udp.port=0", "--wharf.listeners.echo-tcp.port=0",
					"--wharf.listeners.echo-udp.port=0", "--wharf.listeners.echo-line.port=0",
					"--wharf.listeners.echo-framed.port=0"));
			run(options, training);
			if (!Files.exists(archive(options, springAot))) {
				throw new IllegalStateException("no class data sharing archive was written");
			}
		}
		return jar;
	}

	/**
	 * Extracts a runnable jar as the image does.
	 * @param options the benchmark options
	 * @param runnable the jar
	 * @param directory where it goes
	 * @return the extracted jar to run
	 */
	static Path extract(BenchOptions options, Path runnable, Path directory) throws IOException, InterruptedException {
		Path target = directory.toAbsolutePath();
		FileSystemUtils.deleteRecursively(target);
		run(options, List.of(options.java(), "-Djarmode=tools", "-jar", runnable.toAbsolutePath().toString(), "extract",
				"--destination", target.toString()));
		return target.resolve(runnable.getFileName());
	}

	private static void run(BenchOptions options, List<String> command) throws IOException, InterruptedException {
		Process process = new ProcessBuilder(command).redirectErrorStream(true)
			.redirectOutput(options.out().resolve("cds-training.log").toFile())
			.start();
		if (!process.waitFor(180, TimeUnit.SECONDS)) {
			process.destroyForcibly();
			throw new IllegalStateException("timed out: " + command);
		}
		if (process.exitValue() != 0) {
			throw new IllegalStateException("failed (see cds-training.log): " + command);
		}
	}

}
