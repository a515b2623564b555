package io.wharf.transport.tcp;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

import io.wharf.WharfTest;
import io.wharf.WireClient;
import io.wharf.transport.Listeners;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationListener;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.integration.ip.tcp.connection.AbstractServerConnectionFactory;
import org.springframework.integration.ip.tcp.connection.TcpConnectionCloseEvent;
import org.springframework.integration.ip.tcp.connection.TcpConnectionEvent;
import org.springframework.integration.ip.tcp.connection.TcpConnectionOpenEvent;
import org.springframework.integration.ip.tcp.inbound.TcpReceivingChannelAdapter;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * What Spring Integration users and tooling rely on: each TCP listener is a server
 * connection factory feeding Spring Integration's own inbound adapter, and its
 * connections publish Spring Integration's connection events.
 */
@WharfTest
class SpringIntegrationContractTests {

	@Autowired
	private ConfigurableApplicationContext context;

	@Autowired
	private Listeners listeners;

	@Test
	void connectionsPublishOpenAndCloseEventsWithTheirFactorysName() throws Exception {
		List<TcpConnectionEvent> events = new CopyOnWriteArrayList<>();
		ApplicationListener<TcpConnectionEvent> listener = events::add;
		this.context.addApplicationListener(listener);
		try (WireClient client = WireClient.connect(this.listeners.port("echo-line"))) {
			client.send("event\n");
			assertThat(client.readLine()).isEqualTo("event\n");
		}
		await().atMost(Duration.ofSeconds(10))
			.until(() -> events.stream().anyMatch((event) -> event instanceof TcpConnectionCloseEvent));
		TcpConnectionEvent opened = events.stream()
			.filter((event) -> event instanceof TcpConnectionOpenEvent)
			.findFirst()
			.orElseThrow();
		assertThat(opened.getConnectionFactoryName()).isEqualTo("echo-line.connections");
		assertThat(events).filteredOn((event) -> event instanceof TcpConnectionCloseEvent)
			.extracting(TcpConnectionEvent::getConnectionId)
			.contains(opened.getConnectionId());
	}

	@Test
	void eachTcpListenerIsAServerConnectionFactoryWithSpringIntegrationsAdapter() {
		AbstractServerConnectionFactory factory = this.context.getBean("echo-framed.connections",
				AbstractServerConnectionFactory.class);
		assertThat(factory.getPort()).isEqualTo(this.listeners.port("echo-framed"));
		assertThat(factory.isListening()).isTrue();
		assertThat(this.context.getBean("echo-framed.inbound")).isInstanceOf(TcpReceivingChannelAdapter.class);
	}

}
