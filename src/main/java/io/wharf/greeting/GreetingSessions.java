package io.wharf.greeting;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Tags;
import io.wharf.system.SessionStates;
import org.jspecify.annotations.Nullable;

/**
 * Greeting sessions and their meters: how many are waiting for a name or have been
 * greeted, how many names were greeted, and how sessions ended. Meters are resolved once
 * per listener.
 */
final class GreetingSessions implements SessionStates {

	private static final String AWAITING_NAME = "awaiting_name";

	private static final String GREETED = "greeted";

	private final MeterRegistry registry;

	private final Map<String, String> states = new ConcurrentHashMap<>();

	private final Map<String, ListenerMeters> meters = new ConcurrentHashMap<>();

	GreetingSessions(MeterRegistry registry) {
		this.registry = registry;
	}

	@Override
	public @Nullable String state(String connectionId) {
		return this.states.get(connectionId);
	}

	void opened(String listener, String protocol, String connectionId) {
		this.states.put(connectionId, AWAITING_NAME);
		meters(listener, protocol).awaiting.incrementAndGet();
	}

	void greeted(String listener, String protocol, String connectionId, int names) {
		ListenerMeters meters = meters(listener, protocol);
		meters.greetings.increment(names);
		if (names > 0 && connectionId != null && this.states.replace(connectionId, AWAITING_NAME, GREETED)) {
			meters.awaiting.decrementAndGet();
			meters.greeted.incrementAndGet();
		}
	}

	void closed(String listener, String protocol, String connectionId, String reason) {
		ListenerMeters meters = meters(listener, protocol);
		String state = this.states.remove(connectionId);
		if (state == null) {
			return;
		}
		(state.equals(GREETED) ? meters.greeted : meters.awaiting).decrementAndGet();
		meters.completed(outcome(reason)).increment();
	}

	private static String outcome(String reason) {
		return switch (reason) {
			case "exit" -> "farewell";
			case "idle_timeout" -> "idle";
			case "client_closed" -> "abandoned";
			default -> "error";
		};
	}

	private ListenerMeters meters(String listener, String protocol) {
		return this.meters.computeIfAbsent(listener, (key) -> new ListenerMeters(this.registry,
				Tags.of("listener", key, "service", "greeting", "protocol", protocol)));
	}

	private static final class ListenerMeters {

		final AtomicInteger awaiting = new AtomicInteger();

		final AtomicInteger greeted = new AtomicInteger();

		final Counter greetings;

		private final Map<String, Counter> completed = new ConcurrentHashMap<>();

		private final MeterRegistry registry;

		private final Tags tags;

		ListenerMeters(MeterRegistry registry, Tags tags) {
			this.registry = registry;
			this.tags = tags;
			this.greetings = Counter.builder("wharf.greetings")
				.description("Names greeted")
				.tags(tags)
				.register(registry);
			if (tags.stream().anyMatch((tag) -> tag.getValue().equals("tcp"))) {
				Gauge.builder("wharf.greeting.sessions.active", this.awaiting, AtomicInteger::get)
					.description("Open greeting sessions, by state")
					.tags(tags)
					.tag("state", AWAITING_NAME)
					.register(registry);
				Gauge.builder("wharf.greeting.sessions.active", this.greeted, AtomicInteger::get)
					.description("Open greeting sessions, by state")
					.tags(tags)
					.tag("state", GREETED)
					.register(registry);
				for (String outcome : new String[] { "farewell", "idle", "abandoned", "error" }) {
					completed(outcome);
				}
			}
		}

		Counter completed(String outcome) {
			return this.completed.computeIfAbsent(outcome,
					(key) -> Counter.builder("wharf.greeting.sessions.completed")
						.description("Greeting sessions ended, by outcome")
						.tags(this.tags)
						.tag("outcome", key)
						.register(this.registry));
		}

	}

}
