package io.wharf.config;

import java.util.Map;

import io.wharf.config.framing.FrameByteOrder;
import io.wharf.config.framing.FramingType;
import io.wharf.greeting.GreetingProperties;
import org.junit.jupiter.api.Test;

import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.test.context.assertj.AssertableApplicationContext;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.context.annotation.Configuration;
import org.springframework.util.unit.DataSize;

import static org.assertj.core.api.Assertions.assertThat;

class ListenersPropertiesTests {

	private final ApplicationContextRunner runner = new ApplicationContextRunner()
		.withUserConfiguration(Properties.class, ListenerWords.class);

	@Test
	void bindsAListenerWithDefaults() {
		this.runner
			.withPropertyValues("wharf.listeners.a.protocol=tcp", "wharf.listeners.a.port=7000",
					"wharf.listeners.a.service=echo")
			.run((context) -> {
				ListenerProperties listener = context.getBean(ListenersProperties.class).listeners().get("a");
				assertThat(listener.enabled()).isTrue();
				assertThat(listener.requiredService()).isEqualTo("echo");
				assertThat(listener.framing().type()).isEqualTo(FramingType.RAW);
				assertThat(listener.framing().maxFrameSize()).isEqualTo(DataSize.ofKilobytes(64));
				assertThat(listener.backlog()).isEqualTo(1024);
				assertThat(listener.reuseAddress()).isTrue();
				assertThat(listener.tcpNoDelay()).isTrue();
				assertThat(listener.idleTimeout()).hasMinutes(5);
				assertThat(listener.bindAddress()).isNull();
			});
	}

	@Test
	void bindsFramingInRelaxedForm() {
		this.runner
			.withPropertyValues("wharf.listeners.a.protocol=tcp", "wharf.listeners.a.port=7000",
					"wharf.listeners.a.service=echo", "wharf.listeners.a.framing.type=length-prefix",
					"wharf.listeners.a.framing.header-size=2", "wharf.listeners.a.framing.byte-order=little-endian",
					"wharf.listeners.b.protocol=tcp", "wharf.listeners.b.port=7001", "wharf.listeners.b.service=echo",
					"wharf.listeners.b.framing.type=delimiter", "wharf.listeners.b.framing.delimiter=\\x03",
					"wharf.listeners.b.framing.start-delimiter=\\x02")
			.run((context) -> {
				Map<String, ListenerProperties> listeners = context.getBean(ListenersProperties.class).listeners();
				assertThat(listeners.get("a").framing().byteOrder()).isEqualTo(FrameByteOrder.LITTLE_ENDIAN);
				assertThat(listeners.get("b").framing().delimiterBytes()).containsExactly(3);
				assertThat(listeners.get("b").framing().startDelimiterBytes()).containsExactly(2);
			});
	}

	@Test
	void disabledListenersAreNotStarted() {
		this.runner
			.withPropertyValues("wharf.listeners.a.protocol=tcp", "wharf.listeners.a.port=7000",
					"wharf.listeners.a.service=echo", "wharf.listeners.a.enabled=false")
			.run((context) -> assertThat(context.getBean(ListenersProperties.class).enabled()).isEmpty());
	}

	@Test
	void rejectsAPortOutOfRange() {
		assertFailure(this.runner.withPropertyValues("wharf.listeners.a.protocol=tcp", "wharf.listeners.a.port=70000",
				"wharf.listeners.a.service=echo"), "wharf.listeners[a].port", "must be between 0 and 65535");
	}

	@Test
	void rejectsAnUnknownFraming() {
		assertFailure(
				this.runner.withPropertyValues("wharf.listeners.a.protocol=tcp", "wharf.listeners.a.port=7000",
						"wharf.listeners.a.service=echo", "wharf.listeners.a.framing.type=json"),
				"wharf.listeners.a.framing.type", "json");
	}

	@Test
	void rejectsAnUnknownProtocol() {
		assertFailure(
				this.runner.withPropertyValues("wharf.listeners.a.protocol=sctp", "wharf.listeners.a.port=7000",
						"wharf.listeners.a.service=echo"),
				"wharf.listeners.a.protocol", "'sctp' is not one of: tcp, udp");
	}

	@Test
	void rejectsAMissingProtocolPortOrServiceSayingWhatToSet() {
		assertFailure(this.runner.withPropertyValues("wharf.listeners.a.port=7000", "wharf.listeners.a.service=echo"),
				"wharf.listeners[a].protocol", "must be set: tcp or udp");
		assertFailure(
				this.runner.withPropertyValues("wharf.listeners.a.protocol=tcp", "wharf.listeners.a.service=echo"),
				"wharf.listeners[a].port", "must be set: 0-65535");
		assertFailure(this.runner.withPropertyValues("wharf.listeners.a.protocol=tcp", "wharf.listeners.a.port=7000"),
				"wharf.listeners[a].service", "must be set: the name of a service bean, such as greeting or echo");
	}

	@Test
	void unknownWordsAreRefusedInTheConfigurationsOwnWords() {
		this.runner
			.withPropertyValues("wharf.listeners.a.protocol=tcp", "wharf.listeners.a.port=7000",
					"wharf.listeners.a.service=echo", "wharf.listeners.a.framing.type=length_prefixed")
			.run((context) -> {
				String failure = describe(context.getStartupFailure());
				assertThat(failure).contains("wharf.listeners.a.framing.type")
					.contains("'length_prefixed' is not one of: raw, line, length-prefix, delimiter")
					.doesNotContain("LENGTH_PREFIX")
					.doesNotContain("No enum constant");
			});
		assertFailure(
				this.runner.withPropertyValues("wharf.listeners.a.protocol=tcp", "wharf.listeners.a.port=7000",
						"wharf.listeners.a.service=echo", "wharf.listeners.a.framing.byte-order=network"),
				"wharf.listeners.a.framing.byte-order", "'network' is not one of: big-endian, little-endian");
	}

	@Test
	void acceptsWordsInEitherSpelling() {
		this.runner
			.withPropertyValues("wharf.listeners.a.protocol=TCP", "wharf.listeners.a.port=7000",
					"wharf.listeners.a.service=Echo", "wharf.listeners.a.framing.type=LENGTH_PREFIX",
					"wharf.listeners.a.framing.byte-order=little_endian")
			.run((context) -> {
				ListenerProperties listener = context.getBean(ListenersProperties.class).listeners().get("a");
				assertThat(listener.framing().type()).isEqualTo(FramingType.LENGTH_PREFIX);
				assertThat(listener.framing().byteOrder()).isEqualTo(FrameByteOrder.LITTLE_ENDIAN);
			});
	}

	@Test
	void rejectsFramingOnAUdpListener() {
		assertFailure(
				this.runner.withPropertyValues("wharf.listeners.a.protocol=udp", "wharf.listeners.a.port=7000",
						"wharf.listeners.a.service=echo", "wharf.listeners.a.framing.type=line"),
				"wharf.listeners[a].framing", "must not be set on a udp listener");
	}

	@Test
	void rejectsARangeThatIsNotCidr() {
		assertFailure(
				this.runner.withPropertyValues("wharf.listeners.a.protocol=tcp", "wharf.listeners.a.port=7000",
						"wharf.listeners.a.service=echo", "wharf.listeners.a.allow=10.0.0.0/8,10.0.0/8"),
				"wharf.listeners[a].allow[1]", "'10.0.0/8' is not a CIDR range such as 10.0.0.0/8");
	}

	@Test
	void readsProxyProtocolOnAndOffEvenAsYamlBooleans() {
		this.runner
			.withPropertyValues("wharf.listeners.a.protocol=tcp", "wharf.listeners.a.port=7000",
					"wharf.listeners.a.service=echo", "wharf.listeners.a.proxy-protocol=true",
					"wharf.listeners.a.trusted-proxies=10.0.0.0/8", "wharf.listeners.b.protocol=tcp",
					"wharf.listeners.b.port=7001", "wharf.listeners.b.service=echo",
					"wharf.listeners.b.proxy-protocol=false")
			.run((context) -> {
				Map<String, ListenerProperties> listeners = context.getBean(ListenersProperties.class).listeners();
				assertThat(listeners.get("a").proxyProtocol()).isEqualTo(ProxyProtocol.ON);
				assertThat(listeners.get("b").proxyProtocol()).isEqualTo(ProxyProtocol.OFF);
			});
	}

	@Test
	void aProxyProtocolNeedsTrustedProxiesAndTcp() {
		assertFailure(
				this.runner.withPropertyValues("wharf.listeners.a.protocol=tcp", "wharf.listeners.a.port=7000",
						"wharf.listeners.a.service=echo", "wharf.listeners.a.proxy-protocol=on"),
				"wharf.listeners[a].trusted-proxies", "must list the proxies' addresses");
		assertFailure(
				this.runner.withPropertyValues("wharf.listeners.a.protocol=udp", "wharf.listeners.a.port=7000",
						"wharf.listeners.a.service=echo", "wharf.listeners.a.proxy-protocol=optional",
						"wharf.listeners.a.trusted-proxies=10.0.0.0/8"),
				"wharf.listeners[a].proxy-protocol", "must be off on a udp listener");
		assertFailure(
				this.runner.withPropertyValues("wharf.listeners.a.protocol=tcp", "wharf.listeners.a.port=7000",
						"wharf.listeners.a.service=echo", "wharf.listeners.a.proxy-protocol=always"),
				"wharf.listeners.a.proxy-protocol", "'always' is not one of: off, on, optional");
	}

	@Test
	void rejectsHeaderSizeThree() {
		assertFailure(
				this.runner.withPropertyValues("wharf.listeners.a.protocol=tcp", "wharf.listeners.a.port=7000",
						"wharf.listeners.a.service=echo", "wharf.listeners.a.framing.type=length-prefix",
						"wharf.listeners.a.framing.header-size=3"),
				"wharf.listeners[a].framing.header-size", "must be 1, 2 or 4");
	}

	@Test
	void rejectsDelimiterFramingWithoutADelimiter() {
		assertFailure(
				this.runner.withPropertyValues("wharf.listeners.a.protocol=tcp", "wharf.listeners.a.port=7000",
						"wharf.listeners.a.service=echo", "wharf.listeners.a.framing.type=delimiter"),
				"wharf.listeners[a].framing.delimiter", "must be set for delimiter framing");
	}

	@Test
	void rejectsAZeroMaxFrameSize() {
		assertFailure(
				this.runner.withPropertyValues("wharf.listeners.a.protocol=tcp", "wharf.listeners.a.port=7000",
						"wharf.listeners.a.service=echo", "wharf.listeners.a.framing.max-frame-size=0"),
				"wharf.listeners[a].framing.max-frame-size", "must be between 1B");
	}

	@Test
	void rejectsANegativeIdleTimeout() {
		assertFailure(
				this.runner.withPropertyValues("wharf.listeners.a.protocol=tcp", "wharf.listeners.a.port=7000",
						"wharf.listeners.a.service=echo", "wharf.listeners.a.idle-timeout=-1s"),
				"wharf.listeners[a].idle-timeout", "must not be negative");
	}

	@Test
	void rejectsTwoListenersOnTheSameProtocolAndPort() {
		assertFailure(
				this.runner.withPropertyValues("wharf.listeners.a.protocol=tcp", "wharf.listeners.a.port=7000",
						"wharf.listeners.a.service=echo", "wharf.listeners.b.protocol=tcp",
						"wharf.listeners.b.port=7000", "wharf.listeners.b.service=greeting"),
				"wharf.listeners", "listeners 'a' and 'b' both use tcp port 7000");
	}

	@Test
	void aClashDoesNotPrintEverySetting() {
		this.runner
			.withPropertyValues("wharf.listeners.a.protocol=tcp", "wharf.listeners.a.port=7000",
					"wharf.listeners.a.service=echo", "wharf.listeners.b.protocol=tcp", "wharf.listeners.b.port=7000",
					"wharf.listeners.b.service=greeting")
			.run((context) -> assertThat(describe(context.getStartupFailure())).doesNotContain("tcpNoDelay")
				.doesNotContain("FramingProperties"));
	}

	@Test
	void allowsTcpAndUdpOnOnePortAndManyEphemeralPorts() {
		this.runner
			.withPropertyValues("wharf.listeners.a.protocol=tcp", "wharf.listeners.a.port=7000",
					"wharf.listeners.a.service=echo", "wharf.listeners.b.protocol=udp", "wharf.listeners.b.port=7000",
					"wharf.listeners.b.service=echo", "wharf.listeners.c.protocol=tcp", "wharf.listeners.c.port=0",
					"wharf.listeners.c.service=echo", "wharf.listeners.d.protocol=tcp", "wharf.listeners.d.port=0",
					"wharf.listeners.d.service=echo")
			.run((context) -> assertThat(context).hasNotFailed());
	}

	@Test
	void rejectsAnEmptyExitWordList() {
		assertFailure(this.runner.withPropertyValues("wharf.greeting.exit-words="), "wharf.greeting.exit-words",
				"must not be empty");
	}

	private static void assertFailure(ApplicationContextRunner runner, String property, String rule) {
		runner.run((AssertableApplicationContext context) -> {
			assertThat(context).hasFailed();
			String failure = describe(context.getStartupFailure());
			assertThat(failure).contains(property).contains(rule);
		});
	}

	private static String describe(Throwable failure) {
		StringBuilder text = new StringBuilder();
		for (Throwable cause = failure; cause != null; cause = cause.getCause()) {
			text.append(cause.getMessage()).append('\n');
		}
		return text.toString();
	}

	@Configuration(proxyBeanMethods = false)
	@EnableConfigurationProperties({ ListenersProperties.class, GreetingProperties.class })
	static class Properties {

	}

}
