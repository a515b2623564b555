package io.wharf.config;

import java.lang.reflect.RecordComponent;
import java.util.Arrays;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.stream.Collectors;

import org.junit.jupiter.api.Test;

import org.springframework.util.ClassUtils;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@code wharf.listener-defaults} offers every listener setting, with the same type, and
 * nothing else: a setting added to {@link ListenerProperties} must be added to
 * {@link ListenerDefaultsProperties} too.
 */
class ListenerDefaultsParityTests {

	/** What only a listener itself can say: whether it runs, and its port. */
	private static final Set<String> OWN = Set.of("enabled", "port");

	@Test
	void theDefaultsOfferEveryListenerSettingWithItsType() {
		Map<String, Class<?>> listener = components(ListenerProperties.class);
		OWN.forEach(listener::remove);
		assertThat(components(ListenerDefaultsProperties.class)).isEqualTo(listener);
	}

	private static Map<String, Class<?>> components(Class<? extends Record> type) {
		return Arrays.stream(type.getRecordComponents())
			.collect(Collectors.toMap(RecordComponent::getName,
					(component) -> ClassUtils.resolvePrimitiveIfNecessary(component.getType()),
					(first, second) -> first, TreeMap::new));
	}

}
