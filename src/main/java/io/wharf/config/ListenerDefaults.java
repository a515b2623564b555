package io.wharf.config;

import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Set;

import org.jspecify.annotations.Nullable;

import org.springframework.boot.EnvironmentPostProcessor;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.context.properties.source.ConfigurationProperty;
import org.springframework.boot.context.properties.source.ConfigurationPropertyName;
import org.springframework.boot.context.properties.source.ConfigurationPropertyName.Form;
import org.springframework.boot.context.properties.source.ConfigurationPropertySource;
import org.springframework.boot.context.properties.source.ConfigurationPropertySources;
import org.springframework.boot.context.properties.source.IterableConfigurationPropertySource;
import org.springframework.core.Ordered;
import org.springframework.core.env.ConfigurableEnvironment;
import org.springframework.core.env.MapPropertySource;
import org.springframework.core.env.MutablePropertySources;

/**
 * Applies {@code wharf.listener-defaults.*} to every listener that does not set the value
 * itself: a property source below all others (Wharf's packaged defaults and every
 * {@code application.yml} included) that repeats each default under each listener's name,
 * so that anything a listener sets, in any source, wins, and a listener that sets nothing
 * gets the default instead of Wharf's built-in value. TCP-only settings (framing, TLS,
 * the PROXY protocol) are not given to UDP listeners, which refuse them.
 */
class ListenerDefaults implements EnvironmentPostProcessor, Ordered {

	static final String SOURCE = "Wharf listener defaults (wharf.listener-defaults)";

	private static final ConfigurationPropertyName DEFAULTS = ConfigurationPropertyName.of("wharf.listener-defaults");

	private static final ConfigurationPropertyName LISTENERS = ConfigurationPropertyName.of("wharf.listeners");

	private static final Set<String> TCP_ONLY = Set.of("framing", "ssl", "proxyprotocol", "trustedproxies");

	@Override
	public int getOrder() {
		// After the server defaults (whose listeners get the defaults too), before the
		// Spring AOT guard reads the result.
		return Ordered.LOWEST_PRECEDENCE - 5;
	}

	@Override
	public void postProcessEnvironment(ConfigurableEnvironment environment, SpringApplication application) {
		Map<ConfigurationPropertyName, Object> defaults = new LinkedHashMap<>();
		Set<String> listeners = new LinkedHashSet<>();
		for (ConfigurationPropertySource source : ConfigurationPropertySources.get(environment)) {
			if (!(source instanceof IterableConfigurationPropertySource iterable)) {
				continue;
			}
			iterable.stream().forEach((name) -> {
				if (DEFAULTS.isAncestorOf(name)) {
					ConfigurationPropertyName key = name.subName(DEFAULTS.getNumberOfElements());
					ConfigurationProperty property = source.getConfigurationProperty(name);
					if (property != null && !defaults.containsKey(key)) {
						defaults.put(key, property.getValue());
					}
				}
				else if (LISTENERS.isAncestorOf(name) && name.getNumberOfElements() > 3) {
					listeners.add(name.getElement(2, Form.ORIGINAL));
				}
			});
		}
		if (defaults.isEmpty()) {
			return;
		}
		Map<String, Object> repeated = new LinkedHashMap<>();
		for (String listener : listeners) {
			boolean udp = "udp".equalsIgnoreCase(protocol(environment, listener, defaults));
			defaults.forEach((key, value) -> {
				if (!udp || !TCP_ONLY.contains(key.getElement(0, Form.UNIFORM))) {
					repeated.putIfAbsent("wharf.listeners." + listener + "." + key, value);
				}
			});
		}
		MutablePropertySources sources = environment.getPropertySources();
		MapPropertySource source = new MapPropertySource(SOURCE, repeated);
		if (sources.contains("defaultProperties")) {
			sources.addBefore("defaultProperties", source);
		}
		else {
			sources.addLast(source);
		}
	}

	private static @Nullable String protocol(ConfigurableEnvironment environment, String listener,
			Map<ConfigurationPropertyName, Object> defaults) {
		String own = environment.getProperty("wharf.listeners." + listener + ".protocol");
		Object fallback = defaults.get(ConfigurationPropertyName.of("protocol"));
		return (own != null) ? own : (fallback != null) ? fallback.toString() : null;
	}

}
