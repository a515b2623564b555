package io.wharf.chart;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.LinkedHashMap;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import io.fabric8.kubernetes.api.model.ConfigMap;

/**
 * The {@code application.yml} the chart renders into its ConfigMap, read as a tree.
 *
 * @param text the file as rendered
 * @param tree the parsed file
 */
record RenderedConfig(String text, JsonNode tree) {

	static final String FILE = "application.yml";

	private static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory());

	static RenderedConfig of(Manifests manifests) {
		ConfigMap configMap = manifests.named(ConfigMap.class, HelmChart.RELEASE + "-wharf");
		return parse(configMap.getData().get(FILE));
	}

	static RenderedConfig parse(String text) {
		try {
			return new RenderedConfig(text, YAML.readTree(text));
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	/**
	 * Every listener the file names, switched-off ones included.
	 * @return name to listener
	 */
	Map<String, JsonNode> listeners() {
		Map<String, JsonNode> listeners = new LinkedHashMap<>();
		this.tree.path("wharf").path("listeners").properties().forEach((e) -> listeners.put(e.getKey(), e.getValue()));
		return listeners;
	}

	/**
	 * The listeners the service will start.
	 * @return name to listener
	 */
	Map<String, JsonNode> enabledListeners() {
		Map<String, JsonNode> enabled = new LinkedHashMap<>(listeners());
		enabled.values().removeIf((listener) -> !listener.path("enabled").asBoolean(true));
		return enabled;
	}

}
