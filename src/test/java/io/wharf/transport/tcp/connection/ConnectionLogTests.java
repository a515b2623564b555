package io.wharf.transport.tcp.connection;

import java.time.Duration;
import java.util.List;

import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import io.wharf.WharfTest;
import io.wharf.WireClient;
import io.wharf.transport.Listeners;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.slf4j.LoggerFactory;

import org.springframework.beans.factory.annotation.Autowired;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Session log lines carry the connection id and listener in the MDC, which Spring Boot's
 * structured console logging ({@code logging.structured.format.console=ecs}) emits as
 * fields.
 */
@WharfTest
class ConnectionLogTests {

	private final Logger logger = (Logger) LoggerFactory.getLogger("io.wharf.transport.tcp.connection.ConnectionLog");

	private final ListAppender<ILoggingEvent> events = new ListAppender<>();

	@Autowired
	private Listeners listeners;

	@BeforeEach
	void capture() {
		this.events.start();
		this.logger.addAppender(this.events);
	}

	@AfterEach
	void release() {
		this.logger.detachAppender(this.events);
	}

	@Test
	void sessionLinesCarryTheConnectionIdAndListener() throws Exception {
		int localPort;
		try (WireClient client = WireClient.connect(this.listeners.port("echo-line"))) {
			localPort = client.localPort();
			client.send("mdc\n");
			client.readLine();
		}
		String remote = " from 127.0.0.1:" + localPort + " closed";
		await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> {
			List<ILoggingEvent> mine = this.events.list.stream()
				.filter((event) -> event.getFormattedMessage().contains(remote))
				.toList();
			assertThat(mine).hasSize(1);
			String id = mine.get(0).getMDCPropertyMap().get("connectionId");
			assertThat(mine.get(0).getMDCPropertyMap()).containsEntry("listener", "echo-line");
			assertThat(mine.get(0).getFormattedMessage()).contains(" session " + id + remote);
			assertThat(mine.get(0).getFormattedMessage()).endsWith("closed (client_closed) after "
					+ mine.get(0).getFormattedMessage().replaceAll(".* after (\\d+) ms.*", "$1")
					+ " ms: received 1 messages / 4 bytes, sent 1 messages / 4 bytes");
		});
	}

}
