package io.wharf.config;

import java.util.Map;

import org.jspecify.annotations.Nullable;

import org.springframework.boot.autoconfigure.condition.ConditionOutcome;
import org.springframework.boot.autoconfigure.condition.SpringBootCondition;
import org.springframework.boot.context.properties.bind.Bindable;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.context.annotation.ConditionContext;
import org.springframework.core.type.AnnotatedTypeMetadata;

/**
 * Matches when an enabled listener names the service; reads only each listener's
 * {@code enabled} and {@code service}, so that a listener's other settings, valid or not,
 * are left to {@link ListenersProperties}.
 */
class OnListenerServiceCondition extends SpringBootCondition {

	@Override
	public ConditionOutcome getMatchOutcome(ConditionContext context, AnnotatedTypeMetadata metadata) {
		Map<String, @Nullable Object> attributes = metadata
			.getAnnotationAttributes(ConditionalOnListenerService.class.getName());
		String service = (attributes != null) ? String.valueOf(attributes.get("value")) : "";
		Map<String, Named> listeners = Binder.get(context.getEnvironment())
			.bind("wharf.listeners", Bindable.mapOf(String.class, Named.class))
			.orElse(Map.of());
		for (Map.Entry<String, Named> listener : listeners.entrySet()) {
			if (listener.getValue().enabled() && service.equalsIgnoreCase(listener.getValue().service())) {
				return ConditionOutcome.match("listener '" + listener.getKey() + "' serves " + service);
			}
		}
		return ConditionOutcome.noMatch("no enabled listener serves " + service);
	}

	/** The two settings of a listener this condition reads. */
	record Named(@DefaultValue("true") boolean enabled, @Nullable String service) {

	}

}
