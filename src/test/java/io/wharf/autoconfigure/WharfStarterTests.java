package io.wharf.autoconfigure;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Arrays;

import io.micrometer.core.instrument.MeterRegistry;
import io.opentelemetry.sdk.testing.exporter.InMemorySpanExporter;
import io.opentelemetry.sdk.trace.data.SpanData;
import io.wharf.WireClient;
import io.wharf.api.Answer;
import io.wharf.api.Session;
import io.wharf.api.SocketService;
import io.wharf.api.SocketSessions;
import io.wharf.observe.MetricsByListener;
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
import static org.awaitility.Awaitility.await;

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

	@Test
	void anApplicationsOwnTracingTracesWharfOnlyWhenAsked() throws IOException {
		String[] echo = { "--management.tracing.sampling.probability=1.0", "--wharf.listeners.back.protocol=tcp",
				"--wharf.listeners.back.port=0", "--wharf.listeners.back.service=echo",
				"--wharf.listeners.back.framing.type=line" };
		try (ConfigurableApplicationContext context = start(TracedApplication.class, echo)) {
			echoOnce(context);
			assertThat(context.getBean(MetricsByListener.class).get("back").traces()).as("not asked").isNull();
		}
		String[] traced = Arrays.copyOf(echo, echo.length + 1);
		traced[echo.length] = "--wharf.tracing.enabled=true";
		try (ConfigurableApplicationContext context = start(TracedApplication.class, traced)) {
			echoOnce(context);
			InMemorySpanExporter spans = context.getBean(InMemorySpanExporter.class);
			await().atMost(Duration.ofSeconds(10))
				.untilAsserted(() -> assertThat(spans.getFinishedSpanItems()).extracting(SpanData::getName)
					.contains("opened back", "frame back", "closed back", "session back"));
			assertThat(context.getBean(MeterRegistry.class).find("wharf.message").meters())
				.as("the application's meter handler does not time Wharf's messages again")
				.isEmpty();
		}
	}

	private static void echoOnce(ConfigurableApplicationContext context) throws IOException {
		try (WireClient client = WireClient.connect(context.getBean(Listeners.class).port("back"))) {
			assertThat(client.send("traced?\n").readLine()).isEqualTo("traced?\n");
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

	/** An application with tracing of its own, keeping its spans in memory. */
	@SpringBootConfiguration(proxyBeanMethods = false)
	@EnableAutoConfiguration
	static class TracedApplication {

		@Bean
		InMemorySpanExporter spans() {
			return InMemorySpanExporter.create();
		}

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
