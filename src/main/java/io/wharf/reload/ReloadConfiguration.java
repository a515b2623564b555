package io.wharf.reload;

import io.micrometer.core.instrument.MeterRegistry;
import io.wharf.observe.Meters;
import io.wharf.transport.Listeners;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.convert.ApplicationConversionService;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.convert.converter.GenericConverter;
import org.springframework.core.env.ConfigurableEnvironment;

/**
 * The watch for listener changes, idle unless {@code wharf.reload.enabled}: no condition
 * on the setting, so that switching it on needs no other beans (and keeps the server's
 * Spring AOT start).
 */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(ReloadProperties.class)
public class ReloadConfiguration {

	/**
	 * The watch, binding with the converters Wharf's settings are bound with at start-up.
	 */
	@Bean
	ListenerConfigReload wharfListenerConfigReload(ReloadProperties properties, Listeners listeners,
			ConfigurableEnvironment environment, ObjectProvider<MeterRegistry> registries,
			@Qualifier("wharfListenerWords") GenericConverter words) {
		ApplicationConversionService conversions = new ApplicationConversionService();
		conversions.addConverter(words);
		return new ListenerConfigReload(properties, listeners, environment, conversions, Meters.registry(registries));
	}

}
