package io.wharf;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;

/**
 * The runnable jar {@code ./mvnw verify} packages, for integration tests that run Wharf
 * as its own process.
 */
public final class PackagedJar {

	private PackagedJar() {
	}

	/**
	 * Finds the runnable jar.
	 * @return {@code target/wharf-<version>-exec.jar}
	 * @throws IOException if target cannot be listed
	 */
	public static Path exec() throws IOException {
		try (Stream<Path> files = Files.list(Path.of("target"))) {
			return files.filter((file) -> file.getFileName().toString().matches("wharf-[0-9.]+(-SNAPSHOT)?-exec\\.jar"))
				.findFirst()
				.orElseThrow(() -> new IllegalStateException("no packaged jar in target/; run ./mvnw verify"));
		}
	}

	/**
	 * The java launcher of the running JVM.
	 * @return its path
	 */
	public static String java() {
		return Path.of(System.getProperty("java.home"), "bin", "java").toString();
	}

}
