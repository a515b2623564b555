package io.wharf.server;

import java.io.ByteArrayInputStream;
import java.io.InputStream;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;

import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.Test;

import org.springframework.core.env.MapPropertySource;
import org.springframework.core.env.StandardEnvironment;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * What the fast start compares: the properties bean conditions read at build time, with
 * their values, against the environment at start-up.
 */
class BuildEnvironmentTests {

	@Test
	void conditionReadsNoteNamesLookedUpOnlyWhileRecording() {
		StandardEnvironment environment = environment(Map.of("management.server.port", "9000"));
		ConditionReads reads = new ConditionReads();
		environment.getPropertySources().addFirst(reads);
		environment.getProperty("logging.level.root");
		reads.start();
		assertThat(environment.getProperty("management.server.port")).isEqualTo("9000");
		environment.getProperty("spring.jmx.enabled");
		assertThat(reads.stop()).containsExactly("management.server.port", "spring.jmx.enabled");
		environment.getProperty("spring.aop.auto");
		assertThat(reads.stop()).doesNotContain("spring.aop.auto");
	}

	@Test
	void sameConfigurationHasNoDifferences() {
		BuildEnvironment built = BuildEnvironment.of(
				List.of("management.endpoints.web.exposure.include", "management.server.port"),
				environment(Map.of("management.endpoints.web.exposure.include", "health")));
		assertThat(built.differences(environment(Map.of("management.endpoints.web.exposure.include", "health"))))
			.isEmpty();
	}

	@Test
	void changedSetAndUnsetPropertiesAreEachNamed() {
		BuildEnvironment built = BuildEnvironment.of(
				List.of("management.endpoints.web.exposure.include", "management.server.port", "spring.jmx.enabled"),
				environment(
						Map.of("management.endpoints.web.exposure.include", "health", "spring.jmx.enabled", "false")));
		assertThat(built.differences(environment(Map.of("management.endpoints.web.exposure.include", "health,loggers",
				"management.server.port", "9000"))))
			.containsExactly(
					"management.endpoints.web.exposure.include is 'health,loggers', was 'health' at build time",
					"management.server.port is '9000', was unset at build time",
					"spring.jmx.enabled is unset, was 'false' at build time");
	}

	@Test
	void environmentVariablesCountUnderTheirPropertyNames() {
		BuildEnvironment built = BuildEnvironment.of(List.of("management.server.port"), environment(Map.of()));
		StandardEnvironment now = environment(Map.of());
		now.getPropertySources()
			.addFirst(new org.springframework.core.env.SystemEnvironmentPropertySource("env",
					Map.of("MANAGEMENT_SERVER_PORT", "9000")));
		assertThat(built.differences(now)).containsExactly("management.server.port is '9000', was unset at build time");
	}

	@Test
	void processIdAndServerPortAreNotCompared() {
		BuildEnvironment built = BuildEnvironment.of(List.of("spring.application.pid", "server.port"),
				environment(Map.of("spring.application.pid", "1", "server.port", "8080")));
		assertThat(built.values()).isEmpty();
	}

	@Test
	void storedFileLoadsBackWithValuesThatNeedEscaping() throws Exception {
		BuildEnvironment built = BuildEnvironment.of(
				List.of("spring.info.build.location:classpath:META-INF/build-info.properties", "a.b", "c[0]", "set"),
				environment(Map.of("a.b", "x = y: z\\\\ é", "c[0]", "", "set", "unset")));
		String stored = built.store();
		assertThat(stored).doesNotContainPattern("#\\s*\\w{3} \\w{3} \\d").startsWith("# ");
		BuildEnvironment loaded = BuildEnvironment.load(new ResourceLoader(stored));
		assertThat(loaded).isEqualTo(built);
		assertThat(loaded.values()).containsEntry("a.b", "x = y: z\\\\ é")
			.containsEntry("c[0]", "")
			.containsEntry("set", "unset")
			.containsEntry("spring.info.build.location:classpath:META-INF/build-info.properties", null);
	}

	@Test
	void jarWithoutTheFileHasNoBuildEnvironment() {
		assertThat(BuildEnvironment.load(new ResourceLoader(null))).isNull();
	}

	private static StandardEnvironment environment(Map<String, Object> properties) {
		StandardEnvironment environment = new StandardEnvironment();
		environment.getPropertySources().addFirst(new MapPropertySource("test", properties));
		return environment;
	}

	/** A class loader that serves one text as the build environment file. */
	private static final class ResourceLoader extends ClassLoader {

		private final @Nullable String text;

		ResourceLoader(@Nullable String text) {
			super(null);
			this.text = text;
		}

		@Override
		public @Nullable InputStream getResourceAsStream(String name) {
			if (this.text == null || !name.equals(BuildEnvironment.LOCATION)) {
				return null;
			}
			return new ByteArrayInputStream(this.text.getBytes(StandardCharsets.ISO_8859_1));
		}

		@Override
		public @Nullable URL getResource(String name) {
			return null;
		}

	}

}
