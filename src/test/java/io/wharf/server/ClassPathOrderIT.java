package io.wharf.server;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;

import io.wharf.PackagedJar;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The runnable jar lists its libraries in the order a start loads classes from them
 * ({@code src/build/classpath-order.txt}), in its {@code BOOT-INF/lib} entries and its
 * {@code classpath.idx} alike, each still stored uncompressed as Spring Boot's launcher
 * needs; the libraries not listed follow, by name. The packaged jar starting at all is
 * every other integration test's business.
 */
class ClassPathOrderIT {

	private static final String LIBRARIES = "BOOT-INF/lib/";

	@Test
	void librariesFollowTheClassLoadingOrder() throws IOException {
		List<String> wanted = Files.readAllLines(Path.of("src/build/classpath-order.txt"))
			.stream()
			.map(String::strip)
			.filter((line) -> !line.isEmpty() && !line.startsWith("#"))
			.toList();
		try (ZipFile jar = new ZipFile(PackagedJar.exec().toFile())) {
			List<ZipEntry> entries = Collections.list(jar.entries())
				.stream()
				.filter((entry) -> entry.getName().startsWith(LIBRARIES) && !entry.isDirectory())
				.map(ZipEntry.class::cast)
				.toList();
			assertThat(entries).allSatisfy((entry) -> assertThat(entry.getMethod()).isEqualTo(ZipEntry.STORED));
			List<String> libraries = entries.stream().map((entry) -> entry.getName()).toList();
			assertThat(index(jar)).isEqualTo(libraries);
			List<String> names = libraries.stream().map(ClassPathOrderIT::artifact).toList();
			assertThat(names).as("every library the order names is packaged").containsAll(wanted);
			assertThat(names.subList(0, wanted.size())).isEqualTo(wanted);
			List<String> rest = new ArrayList<>(libraries.subList(wanted.size(), libraries.size()));
			assertThat(rest).isSorted();
		}
	}

	private static List<String> index(ZipFile jar) throws IOException {
		try (InputStream in = jar.getInputStream(jar.getEntry("BOOT-INF/classpath.idx"))) {
			return new String(in.readAllBytes(), StandardCharsets.UTF_8).lines()
				.map((line) -> line.substring(line.indexOf('"') + 1, line.lastIndexOf('"')))
				.toList();
		}
	}

	/** spring-core for BOOT-INF/lib/spring-core-7.0.10.jar. */
	private static String artifact(String entry) {
		return entry.substring(LIBRARIES.length()).replaceFirst("-\\d.*$", "");
	}

}
