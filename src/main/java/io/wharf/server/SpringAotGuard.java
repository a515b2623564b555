package io.wharf.server;

import java.util.List;

import io.wharf.WharfApplication;
import org.apache.commons.logging.Log;

import org.springframework.aot.AotDetector;
import org.springframework.boot.EnvironmentPostProcessor;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.logging.DeferredLogFactory;
import org.springframework.core.NativeDetector;
import org.springframework.core.Ordered;
import org.springframework.core.env.ConfigurableEnvironment;

/**
 * Keeps Spring AOT's fixed bean definitions honest. While the jar is AOT-processed it
 * installs {@link ConditionReads}; at a start with {@code -Dspring.aot.enabled=true} it
 * compares the properties those conditions read with their values at build time and, when
 * one differs (another Actuator endpoint exposed, say), starts without the generated code
 * instead of silently ignoring the change.
 */
class SpringAotGuard implements EnvironmentPostProcessor, Ordered {

	/** Set by Spring while it AOT-processes an application. */
	private static final String AOT_PROCESSING = "spring.aot.processing";

	private final Log logger;

	SpringAotGuard(DeferredLogFactory logFactory) {
		this.logger = logFactory.getLog(SpringAotGuard.class);
	}

	@Override
	public int getOrder() {
		// After every other source of configuration is in place.
		return Ordered.LOWEST_PRECEDENCE;
	}

	@Override
	public void postProcessEnvironment(ConfigurableEnvironment environment, SpringApplication application) {
		if (!application.getAllSources().contains(WharfApplication.class)) {
			// An application that depends on Wharf makes its own choices about Spring
			// AOT.
			return;
		}
		if (Boolean.getBoolean(AOT_PROCESSING)) {
			environment.getPropertySources().addFirst(new ConditionReads());
		}
		else if (AotDetector.useGeneratedArtifacts() && !NativeDetector.inNativeImage()) {
			check(environment, application.getClassLoader());
		}
	}

	private void check(ConfigurableEnvironment environment, ClassLoader classLoader) {
		BuildEnvironment built = BuildEnvironment.load(classLoader);
		if (built == null) {
			// Not built by Wharf's build: Spring reports the missing generated code.
			return;
		}
		List<String> differences = built.differences(environment);
		if (!differences.isEmpty()) {
			System.setProperty(AotDetector.AOT_ENABLED, "false");
			this.logger.warn("Starting without Spring AOT (about half a second slower) so that the configuration "
					+ "takes effect: it decides other beans than at build time: " + String.join("; ", differences));
		}
	}

}
