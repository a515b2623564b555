package io.wharf.server;

import java.io.IOException;
import java.io.InputStream;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Properties;
import java.util.Set;
import java.util.TreeMap;

import org.jspecify.annotations.Nullable;

import org.springframework.core.env.PropertyResolver;

/**
 * The properties Spring AOT's bean conditions read at build time, with the values they
 * had then (null when unset); written beside the generated code and compared with the
 * environment at start-up.
 *
 * @param values each property name and its value at build time, or null when unset
 */
record BuildEnvironment(Map<String, @Nullable String> values) {

	/** Where the AOT-processed jar keeps it. */
	static final String LOCATION = "META-INF/wharf/aot-environment.properties";

	/**
	 * Read at build time but not deciding beans: the process id differs at every start,
	 * and the server port matters to a condition only beside a management port, which is
	 * compared itself.
	 */
	private static final Set<String> IGNORED = Set.of("spring.application.pid", "server.port");

	private static final String SET = "set:";

	private static final String UNSET = "unset";

	/**
	 * Notes the current value of each property.
	 * @param names the properties the conditions read
	 * @param environment the environment they were read from
	 * @return the build environment
	 */
	static BuildEnvironment of(Collection<String> names, PropertyResolver environment) {
		Map<String, @Nullable String> values = new TreeMap<>();
		names.stream()
			.filter((name) -> !IGNORED.contains(name))
			.forEach((name) -> values.put(name, environment.getProperty(name)));
		return new BuildEnvironment(values);
	}

	/**
	 * Reads the file an AOT-processed jar carries.
	 * @param classLoader where to look
	 * @return the build environment, or null when the jar was not AOT-processed
	 */
	static @Nullable BuildEnvironment load(ClassLoader classLoader) {
		try (InputStream in = classLoader.getResourceAsStream(LOCATION)) {
			if (in == null) {
				return null;
			}
			Properties properties = new Properties();
			properties.load(in);
			Map<String, @Nullable String> values = new TreeMap<>();
			properties.stringPropertyNames().forEach((name) -> values.put(name, decode(properties.getProperty(name))));
			return new BuildEnvironment(values);
		}
		catch (IOException ex) {
			throw new UncheckedIOException("cannot read " + LOCATION, ex);
		}
	}

	private static @Nullable String decode(String stored) {
		return stored.startsWith(SET) ? stored.substring(SET.length()) : null;
	}

	/**
	 * Describes each property whose value now differs from its value at build time.
	 * @param environment the environment at start-up
	 * @return one line per difference, empty when the bean conditions would decide as
	 * they did at build time
	 */
	List<String> differences(PropertyResolver environment) {
		List<String> differences = new ArrayList<>();
		this.values.forEach((name, built) -> {
			String now = environment.getProperty(name);
			if (!Objects.equals(built, now)) {
				differences.add(name + " is " + quoted(now) + ", was " + quoted(built) + " at build time");
			}
		});
		return differences;
	}

	private static String quoted(@Nullable String value) {
		return (value != null) ? "'" + value + "'" : "unset";
	}

	/**
	 * The file's content, sorted and without a date so that builds stay reproducible.
	 * @return properties text, one line per property
	 */
	String store() {
		StringBuilder text = new StringBuilder(
				"# Properties Spring AOT's bean conditions read when this jar was built\n");
		this.values.forEach((name, value) -> text.append(line(name, (value != null) ? SET + value : UNSET)));
		return text.toString();
	}

	/** One escaped properties line, as {@link Properties#store} writes it. */
	private static String line(String name, String value) {
		Properties single = new Properties();
		single.setProperty(name, value);
		StringWriter out = new StringWriter();
		try {
			single.store(out, null);
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
		String stored = out.toString();
		// Properties.store writes a date comment first.
		return stored.substring(stored.indexOf('\n') + 1);
	}

}
