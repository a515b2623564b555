package io.wharf.chart;

import java.io.IOException;
import java.nio.file.Files;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The values table in the chart's README and {@code values.yaml} cannot drift: every
 * value is in a row of the table (a row names a key and its siblings, as in
 * {@code `image.registry` / `repository`}), and every key a row names exists.
 */
class ValuesTableTests {

	/** Values whose content is the user's own model, documented in their own sections. */
	private static final Set<String> FREE_FORM = Set.of("listeners", "greeting", "config", "global");

	@Test
	void everyValueIsInTheTableAndEveryRowNamesAValue() throws IOException {
		JsonNode values = new ObjectMapper(new YAMLFactory())
			.readTree(HelmChart.DIRECTORY.resolve("values.yaml").toFile());
		List<String> documented = documentedKeys();
		List<String> leaves = new ArrayList<>();
		collect(values, "", leaves);
		assertThat(leaves).as("values missing from the README's table")
			.allSatisfy((leaf) -> assertThat(
					documented.stream().anyMatch((key) -> leaf.equals(key) || leaf.startsWith(key + ".")))
				.as(leaf)
				.isTrue());
		assertThat(documented).as("table rows naming no value").allSatisfy((key) -> {
			JsonNode node = values;
			for (String part : key.split("\\.")) {
				node = node.path(part);
			}
			assertThat(node.isMissingNode()).as(key).isFalse();
		});
	}

	/** Leaves, and maps and lists as one value each (their items are the user's). */
	private static void collect(JsonNode node, String path, List<String> leaves) {
		if (!path.isEmpty() && (FREE_FORM.contains(path) || !node.isObject() || node.isEmpty()
				|| path.endsWith("labels") || path.endsWith("annotations") || path.endsWith("Annotations")
				|| path.endsWith("issuerRef") || path.startsWith("probes.") || path.startsWith("resources")
				|| path.startsWith("podSecurityContext") || path.startsWith("securityContext"))) {
			leaves.add(path);
			return;
		}
		node.fields()
			.forEachRemaining((Map.Entry<String, JsonNode> field) -> collect(field.getValue(),
					path.isEmpty() ? field.getKey() : path + "." + field.getKey(), leaves));
	}

	/** The keys the table's first column names: `a.b` / `c` reads as a.b and a.c. */
	private static List<String> documentedKeys() throws IOException {
		List<String> keys = new ArrayList<>();
		for (String line : Files.readAllLines(HelmChart.DIRECTORY.resolve("README.md"))) {
			if (!line.startsWith("| `")) {
				continue;
			}
			String cell = line.substring(2, line.indexOf(" |", 2));
			String parent = null;
			for (String part : cell.split(" / ")) {
				String key = part.strip().replace("`", "").replace(".*", "");
				if (parent == null || key.contains(".")) {
					parent = key.contains(".") ? key.substring(0, key.lastIndexOf('.')) : null;
					keys.add(key);
				}
				else {
					keys.add(parent + "." + key);
				}
			}
		}
		return keys;
	}

}
