package io.wharf.config;

import java.io.IOException;
import java.io.InputStream;
import java.time.Duration;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.util.unit.DataSize;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@code wharf.listener-defaults} sets a value once for every listener that does not set
 * its own, leaves UDP listeners the TCP-only settings they would refuse, and has IDE
 * metadata for every key.
 */
@SpringBootTest(properties = { "wharf.listener-defaults.idle-timeout=42s",
		"wharf.listener-defaults.max-connections=321", "wharf.listener-defaults.framing.max-frame-size=1MB",
		"wharf.listener-defaults.datagram-rate=77", "wharf.listeners.echo-line.idle-timeout=7s",
		"wharf.listeners.greeting-tcp.port=0", "wharf.listeners.greeting-udp.port=0", "wharf.listeners.echo-tcp.port=0",
		"wharf.listeners.echo-udp.port=0", "wharf.listeners.echo-line.port=0", "wharf.listeners.echo-framed.port=0", })
class ListenerDefaultsTests {

	@Autowired
	private ListenersProperties properties;

	@Test
	void everyListenerGetsTheDefaultsItDoesNotSetItself() {
		Map<String, ListenerProperties> listeners = this.properties.listeners();
		assertThat(listeners.get("echo-line").idleTimeout()).as("its own").isEqualTo(Duration.ofSeconds(7));
		assertThat(listeners.get("greeting-tcp").idleTimeout()).isEqualTo(Duration.ofSeconds(42));
		assertThat(listeners.get("echo-framed").maxConnections()).isEqualTo(321);
		assertThat(listeners.get("echo-framed").framing().maxFrameSize()).isEqualTo(DataSize.ofMegabytes(1));
		assertThat(listeners.get("echo-framed").framing().headerSize()).as("its own framing stays").isEqualTo(4);
		assertThat(listeners.get("echo-udp").datagramRate()).isEqualTo(77);
	}

	@Test
	void udpListenersAreNotGivenTcpOnlySettings() {
		assertThat(this.properties.listeners().get("greeting-udp").framingConfigured()).isFalse();
		assertThat(this.properties.listeners().get("echo-udp").framingConfigured()).isFalse();
	}

	@Test
	void theIdeKnowsEveryListenerKeyAndItsWords() throws IOException {
		JsonNode metadata;
		try (InputStream in = getClass().getResourceAsStream("/META-INF/spring-configuration-metadata.json")) {
			metadata = new ObjectMapper().readTree(in);
		}
		List<String> names = metadata.findValuesAsText("name");
		assertThat(names).contains("wharf.listener-defaults.idle-timeout", "wharf.listener-defaults.framing.byte-order",
				"wharf.listener-defaults.ssl.client-auth", "wharf.listener-defaults.proxy-protocol",
				"wharf.listener-defaults.datagram-rate", "wharf.tls.provider");
		for (JsonNode property : metadata.get("properties")) {
			String description = property.path("description").asText();
			assertThat(description).as(property.get("name").asText()).isNotBlank().doesNotContain("{@").endsWith(".");
			assertThat(Character.isUpperCase(description.charAt(0))).as(description).isTrue();
		}
		assertThat(metadata.get("hints").findValuesAsText("name")).contains("wharf.listener-defaults.framing.type",
				"wharf.listener-defaults.service", "wharf.listener-defaults.protocol", "wharf.listeners.keys");
	}

}
