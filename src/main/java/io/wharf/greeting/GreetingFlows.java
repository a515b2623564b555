package io.wharf.greeting;

import java.time.Duration;

import io.wharf.system.ConversationEvent;
import io.wharf.system.ConversationHeaders;
import io.wharf.system.Reply;
import io.wharf.system.ServiceHandler;
import io.wharf.system.ServiceKind;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.integration.dsl.IntegrationFlow;
import org.springframework.messaging.MessageHeaders;

/**
 * Connects the greeting channel to {@link GreetingService}; replies go to each message's
 * reply channel, which the transport set.
 */
@Configuration(proxyBeanMethods = false)
class GreetingFlows {

	@Bean
	GreetingService greetingService(GreetingProperties properties) {
		return new GreetingService(properties);
	}

	@Bean
	IntegrationFlow greetingFlow(GreetingService greetingService) {
		return IntegrationFlow.from(ServiceKind.GREETING.requestChannel())
			.handle(new ServiceHandler((payload, headers) -> converse(greetingService, payload, headers)),
					(endpoint) -> endpoint.id("greeting.service"))
			.get();
	}

	private static Reply converse(GreetingService service, byte[] payload, MessageHeaders headers) {
		ConversationEvent event = headers.get(ConversationHeaders.EVENT, ConversationEvent.class);
		if (event == ConversationEvent.OPENED) {
			return service.open();
		}
		if (event == ConversationEvent.IDLE) {
			Duration timeout = headers.get(ConversationHeaders.IDLE_TIMEOUT, Duration.class);
			return service.idle((timeout != null) ? timeout : Duration.ZERO);
		}
		if ("udp".equals(headers.get(ConversationHeaders.PROTOCOL))) {
			return service.receiveDatagram(payload);
		}
		return service.receive(payload);
	}

}
