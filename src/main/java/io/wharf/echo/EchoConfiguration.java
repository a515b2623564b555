package io.wharf.echo;

import io.wharf.config.ConditionalOnListenerService;

import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The built-in echo service, named {@code echo}, when a listener serves it; an
 * application may define its own bean of that name instead.
 */
@Configuration(proxyBeanMethods = false)
public class EchoConfiguration {

	@Bean
	@ConditionalOnMissingBean(name = "echo")
	@ConditionalOnListenerService("echo")
	EchoService echo() {
		return new EchoService();
	}

}
