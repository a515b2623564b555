package io.wharf.greeting;

import java.time.Duration;

import io.wharf.system.ConversationEvent;
import io.wharf.system.ConversationHeaders;
import io.wharf.system.Reply;
import io.wharf.system.ServiceHandler;
import io.wharf.system.ServiceKind;
import io.micrometer.core.instrument.MeterRegistry;
import org.jspecify.annotations.Nullable;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.integration.dsl.IntegrationFlow;
import org.springframework.integration.ip.IpHeaders;
import org.springframework.messaging.MessageHeaders;

/**
 * Connects the greeting channel to {@link GreetingService}; replies go to each message's
 * reply channel, which the transport set.
 */
@Configuration(proxyBeanMethods = false)
class GreetingConfiguration {

	@Bean
	GreetingService greetingService(GreetingProperties properties) {
		return new GreetingService(properties);
	}

	@Bean
	GreetingSessions greetingSessions(MeterRegistry registry) {
		return new GreetingSessions(registry);
	}

	@Bean
	IntegrationFlow greetingFlow(GreetingService greetingService, GreetingSessions sessions) {
		return IntegrationFlow.from(ServiceKind.GREETING.requestChannel())
			.handle(new ServiceHandler((payload, headers) -> converse(greetingService, sessions, payload, headers)),
					(endpoint) -> endpoint.id("greeting.service"))
			.get();
	}

	private static @Nullable Reply converse(GreetingService service, GreetingSessions sessions, byte[] payload,
			MessageHeaders headers) {
		ConversationEvent event = headers.get(ConversationHeaders.EVENT, ConversationEvent.class);
		String listener = String.valueOf(headers.get(ConversationHeaders.LISTENER));
		String protocol = String.valueOf(headers.get(ConversationHeaders.PROTOCOL));
		String connectionId = headers.get(IpHeaders.CONNECTION_ID, String.class);
		if (event == ConversationEvent.OPENED) {
			sessions.opened(listener, protocol, String.valueOf(connectionId));
			return service.open();
		}
		if (event == ConversationEvent.IDLE) {
			Duration timeout = headers.get(ConversationHeaders.IDLE_TIMEOUT, Duration.class);
			return service.idle((timeout != null) ? timeout : Duration.ZERO);
		}
		if (event == ConversationEvent.CLOSED) {
			sessions.closed(listener, protocol, String.valueOf(connectionId),
					String.valueOf(headers.get(ConversationHeaders.CLOSE_REASON)));
			return null;
		}
		Answer answer = "udp".equals(protocol) ? service.receiveDatagram(payload) : service.receive(payload);
		sessions.greeted(listener, protocol, connectionId, answer.greetings());
		return answer.reply();
	}

}
