package io.wharf.greeting;

import io.micrometer.core.instrument.MeterRegistry;

import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The built-in greeting service, named {@code greeting}; an application may define its
 * own bean of that name instead.
 */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(GreetingProperties.class)
public class GreetingConfiguration {

	@Bean
	@ConditionalOnMissingBean(name = "greeting")
	GreetingService greeting(GreetingProperties properties, MeterRegistry registry) {
		return new GreetingService(new GreetingScript(properties), new GreetingMeters(registry),
				properties.maxNameLength(), properties.fragmentWait());
	}

}
