package io.wharf.docs;

import java.io.IOException;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import io.wharf.api.CloseReason;
import io.wharf.api.SocketService;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * docs/services.md is what a new user writes a service from: it names the package of
 * every public type of the API and of the test support, has a row for every call a
 * service receives, and lists the close reasons there are.
 */
class ServicesDocTests {

	private static final Path SERVICES = Path.of("docs/services.md");

	@Test
	void everyPublicTypeIsNamedWithItsPackage() throws IOException {
		String page = Files.readString(SERVICES);
		assertThat(publicTypes("io.wharf.api")).isNotEmpty()
			.allSatisfy((type) -> assertThat(page).as("docs/services.md names %s", type).contains("`" + type));
		assertThat(publicTypes("io.wharf.test")).isNotEmpty()
			.allSatisfy((type) -> assertThat(page).as("docs/services.md names %s", type).contains("`" + type));
	}

	@Test
	void everyCallOfAServiceHasARow() throws IOException {
		String page = Files.readString(SERVICES);
		List<String> calls = Arrays.stream(SocketService.class.getDeclaredMethods())
			.filter((method) -> !method.isSynthetic() && !Modifier.isStatic(method.getModifiers()))
			.map(Method::getName)
			.toList();
		assertThat(calls).hasSize(8)
			.allSatisfy((call) -> assertThat(page).as("a row for %s", call).contains("| `" + call + "("));
	}

	@Test
	void theCloseReasonsAreTheEnum() throws IOException {
		String page = Files.readString(SERVICES);
		int table = page.indexOf("| reason | when |");
		assertThat(table).isNotNegative();
		Matcher row = Pattern.compile("^\\| `([a-z_]+)` \\|", Pattern.MULTILINE).matcher(page);
		List<String> listed = new ArrayList<>();
		row.region(table, page.indexOf("\n\n", table));
		while (row.find()) {
			listed.add(row.group(1));
		}
		assertThat(listed)
			.containsExactly(Arrays.stream(CloseReason.values()).map(CloseReason::tag).toArray(String[]::new));
	}

	/** Public top-level types of a package, from its sources. */
	private static List<String> publicTypes(String pkg) throws IOException {
		Path sources = Path.of("src/main/java", pkg.split("\\."));
		try (Stream<Path> files = Files.list(sources)) {
			return files.map((file) -> file.getFileName().toString())
				.filter((name) -> name.endsWith(".java") && !name.equals("package-info.java"))
				.map((name) -> pkg + "." + name.substring(0, name.length() - ".java".length()))
				.filter(ServicesDocTests::isPublic)
				.sorted()
				.toList();
		}
	}

	private static boolean isPublic(String type) {
		try {
			return Modifier.isPublic(Class.forName(type).getModifiers());
		}
		catch (ClassNotFoundException ex) {
			throw new IllegalStateException(ex);
		}
	}

}
