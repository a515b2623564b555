package io.wharf.observe;

import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Tags;

/**
 * One counter name of a listener, split by one more tag (a close reason, an error type):
 * the known values are registered up front, so their rates exist from zero, and a counter
 * is looked up once per value.
 */
final class TaggedCounters {

	private final MeterRegistry registry;

	private final String name;

	private final String description;

	private final Tags tags;

	private final String tag;

	private final Map<String, Counter> counters = new ConcurrentHashMap<>();

	TaggedCounters(MeterRegistry registry, String name, String description, Tags tags, String tag, List<String> known) {
		this.registry = registry;
		this.name = name;
		this.description = description;
		this.tags = tags;
		this.tag = tag;
		known.forEach(this::get);
	}

	Counter get(String value) {
		return this.counters.computeIfAbsent(value,
				(key) -> Counter.builder(this.name)
					.description(this.description)
					.tags(this.tags)
					.tag(this.tag, key)
					.register(this.registry));
	}

	void increment(String value) {
		get(value).increment();
	}

}
