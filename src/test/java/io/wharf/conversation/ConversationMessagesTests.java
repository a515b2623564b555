package io.wharf.conversation;

import java.util.Map;

import org.junit.jupiter.api.Test;

import org.springframework.messaging.Message;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Messages into a service bean go without Spring's id and timestamp; messages into an
 * application's own flow carry them.
 */
class ConversationMessagesTests {

	@Test
	void unstampedMessagesHaveNoIdAndNoTimestampButEveryHeader() {
		Message<String> message = ConversationMessages.of("frame", Map.of("wharf_listener", "echo-line"), false);
		assertThat(message.getHeaders().getId()).isNull();
		assertThat(message.getHeaders().getTimestamp()).isNull();
		assertThat(message.getHeaders()).containsEntry("wharf_listener", "echo-line").hasSize(1);
	}

	@Test
	void stampedMessagesHaveBoth() {
		Message<String> message = ConversationMessages.of("frame", Map.of("wharf_listener", "echo-line"), true);
		assertThat(message.getHeaders().getId()).isNotNull();
		assertThat(message.getHeaders().getTimestamp()).isNotNull();
	}

}
