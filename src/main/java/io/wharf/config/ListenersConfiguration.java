package io.wharf.config;

import org.springframework.boot.context.properties.ConfigurationPropertiesBinding;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * Binds and validates {@code wharf.listeners}, reading the settings that take a word in
 * the configuration's own spelling.
 */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(ListenersProperties.class)
public class ListenersConfiguration {

	@Bean
	@ConfigurationPropertiesBinding
	static ListenerWords wharfListenerWords() {
		return new ListenerWords();
	}

}
