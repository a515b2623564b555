package io.wharf.greeting;

import io.micrometer.core.instrument.MeterRegistry;
import io.wharf.config.ConditionalOnListenerService;
import io.wharf.observe.Meters;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The built-in greeting service, named {@code greeting}, when a listener serves it; an
 * application may define its own bean of that name instead.
 */
@Configuration(proxyBeanMethods = false)
@ConditionalOnListenerService("greeting")
@EnableConfigurationProperties(GreetingProperties.class)
public class GreetingConfiguration {

	@Bean
	@ConditionalOnMissingBean(name = "greeting")
	GreetingService greeting(GreetingProperties properties, ObjectProvider<MeterRegistry> registries) {
		return new GreetingService(new GreetingScript(properties), new GreetingMeters(Meters.registry(registries)),
				properties.maxNameLength(), properties.fragmentWait());
	}

}
