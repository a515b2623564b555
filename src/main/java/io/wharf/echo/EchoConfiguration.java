package io.wharf.echo;

import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The built-in echo service, named {@code echo}; an application may define its own bean
 * of that name instead.
 */
@Configuration(proxyBeanMethods = false)
public class EchoConfiguration {

	@Bean
	@ConditionalOnMissingBean(name = "echo")
	EchoService echo() {
		return new EchoService();
	}

}
