package io.wharf.actuate;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import io.wharf.config.ListenerProperties;
import io.wharf.config.ListenersProperties;
import io.wharf.config.Protocol;
import io.wharf.conversation.SessionHandle;
import io.wharf.observe.ListenerMetrics;
import io.wharf.observe.MetricsByListener;
import io.wharf.transport.BoundListener;
import io.wharf.transport.Listeners;
import org.jspecify.annotations.Nullable;

import org.springframework.boot.actuate.endpoint.Access;
import org.springframework.boot.actuate.endpoint.SecurityContext;
import org.springframework.boot.actuate.endpoint.annotation.DeleteOperation;
import org.springframework.boot.actuate.endpoint.annotation.Endpoint;
import org.springframework.boot.actuate.endpoint.annotation.ReadOperation;
import org.springframework.boot.actuate.endpoint.annotation.Selector;
import org.springframework.boot.actuate.endpoint.web.WebEndpointResponse;

/**
 * {@code /actuator/sockets}: how busy each listener is right now, without a Prometheus.
 * {@code /actuator/sockets/{listener}} lists its open TCP sessions (with client addresses
 * only as {@code wharf.sockets.show-addresses} allows); deleting
 * {@code /actuator/sockets/{listener}/{session}} closes one, which needs
 * {@code management.endpoint.sockets.access=unrestricted}.
 */
@Endpoint(id = "sockets", defaultAccess = Access.READ_ONLY)
class SocketsEndpoint {

	private final ListenersProperties properties;

	private final Listeners listeners;

	private final MetricsByListener metrics;

	private final SocketsProperties sockets;

	SocketsEndpoint(ListenersProperties properties, Listeners listeners, MetricsByListener metrics,
			SocketsProperties sockets) {
		this.properties = properties;
		this.listeners = listeners;
		this.metrics = metrics;
		this.sockets = sockets;
	}

	@ReadOperation
	Map<String, Object> sockets() {
		Map<String, Object> all = new LinkedHashMap<>();
		this.properties.enabled().keySet().forEach((name) -> all.put(name, summary(name)));
		return Map.of("listeners", all);
	}

	@ReadOperation
	@Nullable Map<String, Object> listener(SecurityContext security, @Selector String listener) {
		if (!this.properties.enabled().containsKey(listener)) {
			return null;
		}
		Map<String, Object> summary = summary(listener);
		BoundListener bound = this.listeners.bound().get(listener);
		List<Map<String, Object>> sessions = new ArrayList<>();
		boolean addresses = this.sockets.showAddresses().isShown(security, this.sockets.roles());
		if (bound != null) {
			bound.sessions().forEach((session) -> {
				Map<String, Object> described = session.describe();
				if (!addresses) {
					described.remove("remote");
				}
				sessions.add(described);
			});
		}
		summary.put("sessions", sessions);
		return summary;
	}

	@DeleteOperation
	WebEndpointResponse<Map<String, Object>> close(@Selector String listener, @Selector String session) {
		BoundListener bound = this.listeners.bound().get(listener);
		if (bound == null) {
			return notFound("no running listener '" + listener + "'; running: " + this.listeners.bound().keySet());
		}
		SessionHandle open = bound.session(session);
		if (open == null) {
			return notFound("no open session '" + session + "' on listener '" + listener
					+ "'; it may have closed already (GET /actuator/sockets/" + listener + " lists the open ones)");
		}
		open.closeByOperator();
		return new WebEndpointResponse<>(Map.of("closed", session));
	}

	private static WebEndpointResponse<Map<String, Object>> notFound(String reason) {
		return new WebEndpointResponse<>(Map.of("reason", reason), WebEndpointResponse.STATUS_NOT_FOUND);
	}

	private Map<String, Object> summary(String name) {
		ListenerProperties listener = this.properties.enabled().get(name);
		Map<String, Object> summary = this.listeners.describe(name, listener);
		if (listener.requiredProtocol() == Protocol.TCP) {
			summary.put("framing", listener.framing().type().label());
		}
		ListenerMetrics metrics = this.metrics.get(name);
		if (metrics != null) {
			summary.putAll(metrics.summary());
		}
		return summary;
	}

}
