package io.wharf.observe.tracing;

import java.net.InetSocketAddress;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import io.micrometer.common.KeyValues;
import io.micrometer.observation.Observation;
import io.micrometer.observation.ObservationRegistry;
import org.jspecify.annotations.Nullable;

/**
 * The observations of one listener's sessions and messages. Each message is a trace of
 * its own, so that sampling picks messages rather than whole sessions of many thousands,
 * and a service's own calls (an HTTP client, a query) are its children; the message and
 * the session name each other by the session's id.
 */
public final class ListenerTraces {

	private static final DefaultSessionObservationConvention SESSIONS = new DefaultSessionObservationConvention();

	private static final DefaultMessageObservationConvention MESSAGES = new DefaultMessageObservationConvention();

	private final ObservationRegistry registry;

	private final String listener;

	private final String service;

	private final String protocol;

	private final KeyValues keyValues;

	/**
	 * The low-cardinality attributes and span name of each kind of message, made once.
	 */
	private final Map<String, Kind> kinds = new ConcurrentHashMap<>();

	ListenerTraces(ObservationRegistry registry, String listener, String service, String protocol) {
		this.registry = registry;
		this.listener = listener;
		this.service = service;
		this.protocol = protocol;
		this.keyValues = KeyValues.of("wharf.listener", listener, "wharf.service", service, "network.transport",
				protocol);
	}

	KeyValues keyValues() {
		return this.keyValues;
	}

	KeyValues keyValues(String kind) {
		return kind(kind).keyValues();
	}

	String spanName(String kind) {
		return kind(kind).spanName();
	}

	private Kind kind(String kind) {
		Kind known = this.kinds.get(kind);
		return (known != null) ? known : this.kinds.computeIfAbsent(kind,
				(name) -> new Kind(this.keyValues.and("wharf.message.kind", name), name + " " + this.listener));
	}

	static KeyValues peer(@Nullable String session, InetSocketAddress client) {
		KeyValues peer = KeyValues.of("network.peer.address", client.getAddress().getHostAddress(), "network.peer.port",
				Integer.toString(client.getPort()));
		return (session != null) ? peer.and("wharf.session.id", session) : peer;
	}

	String listener() {
		return this.listener;
	}

	String service() {
		return this.service;
	}

	String protocol() {
		return this.protocol;
	}

	/**
	 * A session opened: its observation, started, with no parent.
	 * @param session the session's id
	 * @param client its client
	 * @return the observation, which {@link #sessionClosed} stops
	 */
	public Observation sessionOpened(String session, InetSocketAddress client) {
		SessionObservationContext context = new SessionObservationContext(this, session, client);
		return Observation.createNotStarted(null, SESSIONS, () -> context, this.registry)
			.parentObservation(null)
			.start();
	}

	/**
	 * A session closed: its observation stops with the reason and what went each way.
	 * @param observation what {@link #sessionOpened} returned
	 * @param reason why it closed
	 * @param counts messages received, bytes received, messages sent, bytes sent
	 */
	public static void sessionClosed(Observation observation, String reason, long[] counts) {
		if (observation.getContext() instanceof SessionObservationContext context) {
			context.closed(reason, counts);
		}
		observation.stop();
	}

	/**
	 * A message goes to the service: its observation, started with no parent and in scope
	 * until the caller closes it, after the service's call.
	 * @param kind {@code frame}, {@code datagram} or a session's moment
	 * @param session the observation of the message's session, or null for a datagram
	 * @param client the client
	 * @param bytes the payload's size
	 * @return the message's trace, to close after the service's call
	 */
	public MessageTrace message(String kind, @Nullable Observation session, InetSocketAddress client, int bytes) {
		SessionObservationContext of = (session != null
				&& session.getContext() instanceof SessionObservationContext sessionContext) ? sessionContext : null;
		MessageObservationContext context = new MessageObservationContext(this, kind, of, client, bytes);
		return new MessageTrace(Observation.createNotStarted(null, MESSAGES, () -> context, this.registry)
			.parentObservation(null)
			.start());
	}

	/**
	 * The service failed on the message observed now: its observation records the error.
	 * @param error what the service threw
	 */
	public void failed(Throwable error) {
		Observation current = this.registry.getCurrentObservation();
		if (current != null) {
			current.error(error);
		}
	}

	/**
	 * The scope a session's log line is written in, so that it carries the session's
	 * trace and span ids; a line written while a message is observed keeps the message's.
	 * @param session the session's observation
	 * @return the scope to close after the line
	 */
	public Observation.Scope logScope(Observation session) {
		return (this.registry.getCurrentObservation() == null) ? session.openScope() : Observation.Scope.NOOP;
	}

	/** A kind of message's attributes and span name. */
	private record Kind(KeyValues keyValues, String spanName) {

	}

}
