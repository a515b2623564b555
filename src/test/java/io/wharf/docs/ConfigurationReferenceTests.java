package io.wharf.docs;

import java.io.IOException;
import java.lang.reflect.Constructor;
import java.lang.reflect.Parameter;
import java.lang.reflect.RecordComponent;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import com.fasterxml.jackson.core.util.DefaultIndenter;
import com.fasterxml.jackson.core.util.DefaultPrettyPrinter;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.wharf.config.ListenerProperties;
import io.wharf.config.framing.FramingProperties;
import io.wharf.config.tls.SslProperties;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.Test;

import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.util.ClassUtils;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * One configuration reference, and it is the configuration metadata: every listener key
 * is in the metadata under {@code wharf.listeners.*} with its type and default (so IDEs
 * show them), and the reference tables in docs/configuration.md are rendered from the
 * metadata. With {@code -Dwharf.docs.write=true} both are rewritten instead of checked
 * (descriptions already written are kept).
 */
class ConfigurationReferenceTests {

	private static final Path ADDITIONAL = Path
		.of("src/main/resources/META-INF/additional-spring-configuration-metadata.json");

	private static final Path METADATA = Path.of("target/classes/META-INF/spring-configuration-metadata.json");

	private static final Path REFERENCE = Path.of("docs/configuration.md");

	private static final String LISTENERS = "wharf.listeners.*.";

	private static final String BEGIN = "<!-- Generated from the configuration metadata by ConfigurationReferenceTests; "
			+ "edit the Javadoc or additional-spring-configuration-metadata.json, then run it with "
			+ "-Dwharf.docs.write=true. -->";

	private static final String END = "<!-- End of the generated reference. -->";

	private final ObjectMapper json = new ObjectMapper();

	private final boolean write = Boolean.getBoolean("wharf.docs.write");

	@Test
	@SuppressWarnings("unchecked")
	void everyListenerKeyIsInTheMetadataWithItsTypeAndDefault() throws IOException {
		Map<String, Object> additional = this.json.readValue(ADDITIONAL.toFile(), LinkedHashMap.class);
		List<Map<String, Object>> properties = (List<Map<String, Object>>) additional.get("properties");
		Map<String, Map<String, Object>> written = new LinkedHashMap<>();
		properties.stream()
			.filter((property) -> property.get("name").toString().startsWith(LISTENERS))
			.forEach((property) -> written.put(property.get("name").toString(), property));
		Map<String, String> descriptions = generatedDescriptions();
		List<Map<String, Object>> expected = new ArrayList<>();
		for (Map<String, Object> key : listenerKeys()) {
			String name = key.get("name").toString();
			Map<String, Object> entry = new LinkedHashMap<>(key);
			Object description = (written.containsKey(name)) ? written.get(name).get("description")
					: descriptions.get("wharf.listener-defaults." + name.substring(LISTENERS.length()));
			entry.put("description", description);
			if (key.containsKey("defaultValue")) {
				// Keep the order of the other entries: name, type, description, default.
				entry.remove("defaultValue");
				entry.put("defaultValue", key.get("defaultValue"));
			}
			expected.add(entry);
		}
		if (this.write) {
			List<Map<String, Object>> others = properties.stream()
				.filter((property) -> !property.get("name").toString().startsWith(LISTENERS))
				.collect(Collectors.toCollection(ArrayList::new));
			others.addAll(expected);
			additional.put("properties", others);
			DefaultIndenter indenter = new DefaultIndenter("  ", "\n");
			DefaultPrettyPrinter printer = new DefaultPrettyPrinter().withObjectIndenter(indenter)
				.withArrayIndenter(indenter);
			String text = this.json.writer(printer).writeValueAsString(additional).replace("\" : ", "\": ");
			Files.writeString(ADDITIONAL, text + "\n");
			return;
		}
		assertThat(new ArrayList<>(written.values())).as("wharf.listeners.* in %s", ADDITIONAL)
			.usingRecursiveFieldByFieldElementComparatorIgnoringFields("description")
			.containsExactlyElementsOf(expected);
		assertThat(written.values()).allSatisfy((entry) -> assertThat((String) entry.get("description")).isNotBlank());
	}

	@Test
	@SuppressWarnings("unchecked")
	void theReferenceTablesAreTheMetadata() throws IOException {
		Map<String, Object> metadata = this.json.readValue(METADATA.toFile(), LinkedHashMap.class);
		List<Map<String, Object>> properties = (List<Map<String, Object>>) metadata.get("properties");
		String tables = render(properties);
		String page = Files.readString(REFERENCE);
		int begin = page.indexOf(BEGIN);
		int end = page.indexOf(END);
		assertThat(begin).as("%s has the generated section", REFERENCE).isNotNegative();
		assertThat(end).isGreaterThan(begin);
		String current = page.substring(begin + BEGIN.length(), end);
		if (this.write) {
			Files.writeString(REFERENCE, page.substring(0, begin + BEGIN.length()) + tables + page.substring(end));
			return;
		}
		assertThat(current).as("the tables in %s (run with -Dwharf.docs.write=true)", REFERENCE).isEqualTo(tables);
	}

	/** The reference: one table per group of keys, in the metadata's words. */
	private static String render(List<Map<String, Object>> properties) {
		Map<String, String> groups = new LinkedHashMap<>();
		groups.put("wharf.listeners.*.", "Each listener, `wharf.listeners.<name>.*`");
		groups.put("wharf.", "The process");
		groups.put("wharf.greeting.", "The greeting, `wharf.greeting.*`");
		groups.put("wharf.cluster.", "Cluster mode, `wharf.cluster.*`");
		groups.put("wharf.sockets.", "The sockets endpoint");
		StringBuilder text = new StringBuilder("\n");
		for (Map.Entry<String, String> group : groups.entrySet()) {
			text.append("\n### ").append(group.getValue()).append("\n\n| key | default | meaning |\n|---|---|---|\n");
			for (Map<String, Object> property : properties) {
				String name = property.get("name").toString();
				if (groupOf(name, groups.keySet()).equals(group.getKey())) {
					String key = group.getKey().equals("wharf.listeners.*.") ? name.substring(group.getKey().length())
							: name;
					text.append("| `")
						.append(key)
						.append("` | ")
						.append(defaultText(property.get("defaultValue")))
						.append(" | ")
						.append(String.valueOf(property.getOrDefault("description", ""))
							.replace("|", "\\|")
							.replace("\n", " "))
						.append(" |\n");
				}
			}
		}
		text.append("\n`wharf.listener-defaults.*` takes every listener key but `enabled` and `port`: ")
			.append("a listener that does not set a key itself gets the default's value.\n\n");
		return text.toString();
	}

	private static String groupOf(String name, Iterable<String> groups) {
		if (name.startsWith("wharf.listener-defaults.") || name.equals("wharf.listeners")) {
			return "";
		}
		if (name.startsWith("management.endpoint.sockets.")) {
			return "wharf.sockets.";
		}
		String best = "";
		for (String group : groups) {
			if (name.startsWith(group) && group.length() > best.length()) {
				best = group;
			}
		}
		return best;
	}

	private static String defaultText(@Nullable Object value) {
		if (value == null) {
			return "–";
		}
		if (value instanceof List<?> list) {
			return "`" + list.stream().map(String::valueOf).collect(Collectors.joining(", ")) + "`";
		}
		return "`" + value.toString().replace("\n", "\\n").replace("|", "\\|") + "`";
	}

	@SuppressWarnings("unchecked")
	private Map<String, String> generatedDescriptions() throws IOException {
		Map<String, Object> metadata = this.json.readValue(METADATA.toFile(), LinkedHashMap.class);
		Map<String, String> descriptions = new LinkedHashMap<>();
		for (Map<String, Object> property : (List<Map<String, Object>>) metadata.get("properties")) {
			descriptions.put(property.get("name").toString(), String.valueOf(property.get("description")));
		}
		return descriptions;
	}

	/** Every key of a listener, from the record's components and their defaults. */
	private static List<Map<String, Object>> listenerKeys() {
		List<Map<String, Object>> keys = new ArrayList<>();
		add(keys, LISTENERS, ListenerProperties.class);
		return keys;
	}

	private static void add(List<Map<String, Object>> keys, String prefix, Class<? extends Record> type) {
		RecordComponent[] components = type.getRecordComponents();
		Parameter[] parameters = canonical(type).getParameters();
		for (int i = 0; i < components.length; i++) {
			RecordComponent component = components[i];
			String name = prefix + dashed(component.getName());
			if (component.getType() == FramingProperties.class) {
				add(keys, name + ".", FramingProperties.class);
				continue;
			}
			if (component.getType() == SslProperties.class) {
				add(keys, name + ".", SslProperties.class);
				continue;
			}
			Map<String, Object> key = new LinkedHashMap<>();
			key.put("name", name);
			key.put("type", typeName(component));
			DefaultValue defaults = parameters[i].getAnnotation(DefaultValue.class);
			if (defaults != null && defaults.value().length > 0) {
				key.put("defaultValue", defaultValue(component, defaults.value()));
			}
			keys.add(key);
		}
	}

	private static Constructor<?> canonical(Class<? extends Record> type) {
		Class<?>[] types = Arrays.stream(type.getRecordComponents())
			.map(RecordComponent::getType)
			.toArray(Class<?>[]::new);
		try {
			return type.getDeclaredConstructor(types);
		}
		catch (NoSuchMethodException ex) {
			throw new IllegalStateException(ex);
		}
	}

	private static String typeName(RecordComponent component) {
		if (component.getType().isPrimitive()) {
			return ClassUtils.resolvePrimitiveIfNecessary(component.getType()).getName();
		}
		return component.getGenericType().getTypeName().replace(", ", ",");
	}

	private static Object defaultValue(RecordComponent component, String[] values) {
		Class<?> type = ClassUtils.resolvePrimitiveIfNecessary(component.getType());
		if (Iterable.class.isAssignableFrom(type)) {
			boolean numbers = component.getGenericType().getTypeName().contains("Integer");
			return Arrays.stream(values).map((value) -> numbers ? (Object) Integer.valueOf(value) : value).toList();
		}
		String value = values[0];
		if (type == Integer.class) {
			return Integer.valueOf(value);
		}
		if (type == Double.class) {
			return Double.valueOf(value);
		}
		if (type == Boolean.class) {
			return Boolean.valueOf(value);
		}
		return value;
	}

	private static String dashed(String name) {
		return name.replaceAll("([A-Z])", "-$1").toLowerCase(java.util.Locale.ROOT);
	}

}
