package io.wharf.server;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.List;

import io.wharf.WharfApplication;

import org.springframework.boot.EnvironmentPostProcessor;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.env.YamlPropertySourceLoader;
import org.springframework.core.Ordered;
import org.springframework.core.env.ConfigurableEnvironment;
import org.springframework.core.env.MutablePropertySources;
import org.springframework.core.env.PropertySource;
import org.springframework.core.io.ClassPathResource;

/**
 * Loads the standalone server's configuration, {@code wharf/application.yml} (the default
 * listeners, Actuator's exposure, logging), when Wharf runs as its own application, just
 * below every {@code application.yml} and {@code application-<profile>.yml} Spring Boot
 * loaded, so that all of those, environment variables and the command line override it.
 * An application that merely depends on Wharf never sees it.
 */
class ServerDefaults implements EnvironmentPostProcessor, Ordered {

	static final String LOCATION = "wharf/application.yml";

	@Override
	public int getOrder() {
		// After Spring Boot's config data, before the Spring AOT guard reads the result.
		return Ordered.LOWEST_PRECEDENCE - 10;
	}

	@Override
	public void postProcessEnvironment(ConfigurableEnvironment environment, SpringApplication application) {
		if (!application.getAllSources().contains(WharfApplication.class)) {
			return;
		}
		// Before Netty loads (the background warm-up loads it after the environment).
		MemoryBudget.apply();
		MutablePropertySources sources = environment.getPropertySources();
		String lastConfigData = null;
		for (PropertySource<?> source : sources) {
			if (source.getName().startsWith("Config resource")) {
				lastConfigData = source.getName();
			}
		}
		for (PropertySource<?> defaults : load()) {
			if (lastConfigData != null) {
				sources.addAfter(lastConfigData, defaults);
				lastConfigData = defaults.getName();
			}
			else if (sources.contains("defaultProperties")) {
				sources.addBefore("defaultProperties", defaults);
			}
			else {
				sources.addLast(defaults);
			}
		}
	}

	private static List<PropertySource<?>> load() {
		try {
			return new YamlPropertySourceLoader().load("Wharf server defaults (classpath:" + LOCATION + ")",
					new ClassPathResource(LOCATION));
		}
		catch (IOException ex) {
			throw new UncheckedIOException("cannot read classpath:" + LOCATION, ex);
		}
	}

}
