package io.wharf.autoconfigure;

import java.io.IOException;
import java.nio.charset.StandardCharsets;

import io.wharf.WireClient;
import io.wharf.api.Answer;
import io.wharf.api.Session;
import io.wharf.api.SocketService;
import io.wharf.api.SocketSessions;
import io.wharf.transport.Listeners;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.Test;

import org.springframework.boot.SpringBootConfiguration;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.autoconfigure.EnableAutoConfiguration;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.context.annotation.Bean;
import org.springframework.core.env.ConfigurableEnvironment;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Wharf as a dependency of another Spring Boot application: it adds what that application
 * declares and changes nothing else.
 */
class WharfStarterTests {

	@Test
	void anApplicationWithoutListenersGetsNoListenersAndNoneOfTheServersConfiguration() {
		try (ConfigurableApplicationContext context = start(PlainApplication.class)) {
			assertThat(context.getBean(Listeners.class).bound()).isEmpty();
			assertThat(context.getBean(SocketSessions.class)).isNotNull();
			ConfigurableEnvironment environment = context.getEnvironment();
			assertThat(environment.getPropertySources().stream().map((source) -> source.getName()))
				.noneMatch((name) -> name.contains("wharf/application.yml"));
			assertThat(environment.getProperty("management.endpoints.web.exposure.include")).isNull();
			assertThat(environment.getProperty("logging.level.org.springframework.integration")).isNull();
			assertThat(environment.getProperty("management.metrics.enable.jvm.compilation.time")).isNull();
			assertThat(environment.getProperty("spring.application.name")).isNull();
		}
	}

	@Test
	void anApplicationServesTheListenersItDeclaresWithItsOwnServiceInPlaceOfABuiltIn() throws IOException {
		try (ConfigurableApplicationContext context = start(ApplicationWithOwnGreeting.class,
				"--wharf.listeners.hello.protocol=tcp", "--wharf.listeners.hello.port=0",
				"--wharf.listeners.hello.service=greeting", "--wharf.listeners.hello.framing.type=line",
				"--wharf.listeners.back.protocol=tcp", "--wharf.listeners.back.port=0",
				"--wharf.listeners.back.service=echo")) {
			Listeners listeners = context.getBean(Listeners.class);
			assertThat(listeners.bound()).containsOnlyKeys("hello", "back");
			try (WireClient client = WireClient.connect(listeners.port("hello"))) {
				assertThat(client.readLine()).isEqualTo("my own greeting\n");
			}
			try (WireClient client = WireClient.connect(listeners.port("back"))) {
				client.send("built-in echo");
				assertThat(new String(client.read(13), StandardCharsets.UTF_8)).isEqualTo("built-in echo");
			}
		}
	}

	private static ConfigurableApplicationContext start(Class<?> application, String... args) {
		return new SpringApplicationBuilder(application).web(WebApplicationType.NONE).run(args);
	}

	/** An application that only depends on Wharf. */
	@SpringBootConfiguration(proxyBeanMethods = false)
	@EnableAutoConfiguration
	static class PlainApplication {

	}

	/** An application with a greeting of its own. */
	@SpringBootConfiguration(proxyBeanMethods = false)
	@EnableAutoConfiguration
	static class ApplicationWithOwnGreeting {

		@Bean("greeting")
		SocketService<Void> greeting() {
			return new SocketService<>() {

				@Override
				public @Nullable Void opened(Session session, Answer answer) {
					answer.send("my own greeting");
					return null;
				}

				@Override
				public void received(Session session, @Nullable Void state, byte[] frame, Answer answer) {
				}

			};
		}

	}

}
