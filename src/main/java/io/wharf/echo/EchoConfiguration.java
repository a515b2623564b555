package io.wharf.echo;

import io.wharf.system.ConversationHeaders;
import io.wharf.system.ServiceHandler;
import io.wharf.system.ServiceKind;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.integration.dsl.IntegrationFlow;

/**
 * Connects the echo channel to {@link EchoService}; lifecycle events get no answer.
 */
@Configuration(proxyBeanMethods = false)
class EchoConfiguration {

	@Bean
	EchoService echoService() {
		return new EchoService();
	}

	@Bean
	IntegrationFlow echoFlow(EchoService echoService) {
		return IntegrationFlow.from(ServiceKind.ECHO.requestChannel())
			.handle(new ServiceHandler((payload, headers) -> headers.containsKey(ConversationHeaders.EVENT) ? null
					: echoService.echo(payload)), (endpoint) -> endpoint.id("echo.service"))
			.get();
	}

}
