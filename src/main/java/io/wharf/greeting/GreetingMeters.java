package io.wharf.greeting;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Tags;
import io.wharf.api.CloseReason;

/**
 * The greeting's meters per listener: open sessions by state, names greeted, and how
 * sessions ended. Registered at start-up for every listener that serves the greeting, so
 * that dashboards show 0 rather than no data before the first session.
 */
final class GreetingMeters {

	private final MeterRegistry registry;

	private final Map<String, Listener> listeners = new ConcurrentHashMap<>();

	GreetingMeters(MeterRegistry registry) {
		this.registry = registry;
	}

	/**
	 * The meters of one listener, registered the first time they are asked for.
	 * @param listener the listener's name
	 * @param tcp whether it is a TCP listener, which has sessions
	 * @return its meters
	 */
	Listener of(String listener, boolean tcp) {
		return this.listeners.computeIfAbsent(listener, (name) -> new Listener(this.registry,
				Tags.of("listener", name, "service", "greeting", "protocol", tcp ? "tcp" : "udp"), tcp));
	}

	/** One listener's greeting meters. */
	static final class Listener {

		final AtomicInteger awaiting = new AtomicInteger();

		final AtomicInteger greeted = new AtomicInteger();

		private final Counter greetings;

		private final Map<String, Counter> completed = new ConcurrentHashMap<>();

		Listener(MeterRegistry registry, Tags tags, boolean tcp) {
			this.greetings = Counter.builder("wharf.greetings")
				.description("Names greeted")
				.tags(tags)
				.register(registry);
			if (tcp) {
				gauge(registry, tags, GreetingState.AWAITING_NAME, this.awaiting);
				gauge(registry, tags, GreetingState.GREETED, this.greeted);
				for (String outcome : new String[] { "farewell", "idle", "abandoned", "error" }) {
					this.completed.put(outcome,
							Counter.builder("wharf.greeting.sessions.completed")
								.description("Greeting sessions ended, by outcome")
								.tags(tags)
								.tag("outcome", outcome)
								.register(registry));
				}
			}
		}

		private static void gauge(MeterRegistry registry, Tags tags, String state, AtomicInteger count) {
			Gauge.builder("wharf.greeting.sessions.active", count, AtomicInteger::get)
				.description("Open greeting sessions, by state")
				.tags(tags)
				.tag("state", state)
				.register(registry);
		}

		void greeted(int names) {
			this.greetings.increment(names);
		}

		void completed(CloseReason reason) {
			String outcome = switch (reason) {
				case EXIT -> "farewell";
				case IDLE_TIMEOUT -> "idle";
				case CLIENT_CLOSED -> "abandoned";
				default -> "error";
			};
			this.completed.get(outcome).increment();
		}

	}

}
