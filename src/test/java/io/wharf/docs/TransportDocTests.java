package io.wharf.docs;

import java.io.IOException;
import java.lang.reflect.Method;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import java.util.function.Function;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * docs/transport.md names only classes that exist: Wharf's own, or the Netty and Spring
 * Integration classes it builds on; a method it cites, as {@code Class.method}, exists
 * too.
 */
class TransportDocTests {

	private static final Pattern CLASS_NAME = Pattern.compile("\\b([A-Z][a-z0-9]+(?:[A-Z][a-z0-9]*)+)(?:\\.(\\w+))?");

	/** Where the library classes the page names live. */
	private static final List<String> LIBRARY_PACKAGES = List.of("io.netty.handler.codec", "io.netty.handler.ssl",
			"io.netty.handler.timeout", "io.netty.channel.embedded", "org.springframework.integration.channel",
			"org.springframework.integration.ip.tcp.inbound", "org.springframework.integration.ip.tcp.outbound",
			"org.springframework.integration.ip.tcp.connection");

	@Test
	void everyClassAndMethodTheTransportPageNamesExists() throws IOException {
		Map<String, String> wharfClasses = wharfClasses();
		String page = Files.readString(Path.of("docs/transport.md"));
		List<String> missing = new ArrayList<>();
		Matcher names = CLASS_NAME.matcher(page);
		int checked = 0;
		while (names.find()) {
			Class<?> type = resolve(names.group(1), wharfClasses);
			if (type == null) {
				missing.add(names.group(1));
			}
			else if (names.group(2) != null && Character.isLowerCase(names.group(2).charAt(0))
					&& !hasMethod(type, names.group(2))) {
				missing.add(names.group(1) + "." + names.group(2));
			}
			checked++;
		}
		assertThat(checked).isGreaterThan(50);
		assertThat(new TreeSet<>(missing)).isEmpty();
	}

	private static boolean hasMethod(Class<?> type, String name) {
		for (Class<?> each = type; each != null; each = each.getSuperclass()) {
			if (Arrays.stream(each.getDeclaredMethods()).map(Method::getName).anyMatch(name::equals)) {
				return true;
			}
		}
		return false;
	}

	private static @Nullable Class<?> resolve(String simpleName, Map<String, String> wharfClasses) {
		String wharf = wharfClasses.get(simpleName);
		if (wharf != null) {
			return load(wharf);
		}
		return LIBRARY_PACKAGES.stream()
			.map((pkg) -> load(pkg + "." + simpleName))
			.filter((type) -> type != null)
			.findFirst()
			.orElse(null);
	}

	private static @Nullable Class<?> load(String name) {
		try {
			return Class.forName(name, false, TransportDocTests.class.getClassLoader());
		}
		catch (ClassNotFoundException ex) {
			return null;
		}
	}

	/** Simple name to class name of every class in src/main/java. */
	private static Map<String, String> wharfClasses() throws IOException {
		Path root = Path.of("src/main/java");
		try (Stream<Path> files = Files.walk(root)) {
			return files.filter((file) -> file.toString().endsWith(".java"))
				.map((file) -> root.relativize(file).toString().replace('/', '.').replaceAll("\\.java$", ""))
				.filter((name) -> !name.endsWith("package-info"))
				.collect(Collectors.toMap((name) -> name.substring(name.lastIndexOf('.') + 1), Function.identity(),
						(first, second) -> first));
		}
	}

}
