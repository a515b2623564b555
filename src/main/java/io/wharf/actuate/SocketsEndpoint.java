package io.wharf.actuate;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletionException;

import io.wharf.api.SendResult;
import io.wharf.config.ListenerProperties;
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
 * {@code /actuator/sockets}: how busy each listener is right now, without a Prometheus,
 * and in cluster mode the cluster's instances. {@code /actuator/sockets/{listener}} lists
 * its open TCP sessions (on every instance in cluster mode; with client addresses only as
 * {@code wharf.sockets.show-addresses} allows); deleting
 * {@code /actuator/sockets/{listener}/{session}} closes one, on whichever instance holds
 * it, which needs {@code management.endpoint.sockets.access=unrestricted}.
 */
@Endpoint(id = "sockets", defaultAccess = Access.READ_ONLY)
class SocketsEndpoint {

	/** The scope that keeps to this instance in cluster mode. */
	private static final String LOCAL = "local";

	private final Listeners listeners;

	private final MetricsByListener metrics;

	private final SocketsProperties sockets;

	private final @Nullable ClusterSockets cluster;

	SocketsEndpoint(Listeners listeners, MetricsByListener metrics, SocketsProperties sockets,
			@Nullable ClusterSockets cluster) {
		this.listeners = listeners;
		this.metrics = metrics;
		this.sockets = sockets;
		this.cluster = cluster;
	}

	/**
	 * Every listener of this instance, and in cluster mode the cluster's instances
	 * ({@code ?scope=local} leaves them out).
	 */
	@ReadOperation
	Map<String, Object> sockets(@Nullable String scope) {
		Map<String, Object> all = new LinkedHashMap<>();
		this.listeners.configured().enabled().keySet().forEach((name) -> all.put(name, summary(name)));
		Map<String, Object> body = new LinkedHashMap<>();
		body.put("listeners", all);
		if (this.cluster != null && !LOCAL.equals(scope)) {
			body.put("cluster", this.cluster.summary());
		}
		return body;
	}

	/**
	 * A listener's open sessions: in cluster mode on every instance, from the directory
	 * ({@code ?scope=local}: this instance's, with their counts).
	 */
	@ReadOperation
	@Nullable Map<String, Object> listener(SecurityContext security, @Selector String listener, @Nullable String scope) {
		if (!this.listeners.configured().enabled().containsKey(listener)) {
			return null;
		}
		Map<String, Object> summary = summary(listener);
		boolean addresses = this.sockets.showAddresses().isShown(security, this.sockets.roles());
		if (this.cluster != null && !LOCAL.equals(scope)) {
			try {
				summary.put("sessions", this.cluster.sessions(listener, addresses));
				summary.put("scope", "cluster");
				return summary;
			}
			catch (CompletionException ex) {
				summary.put("cluster", "unreachable, this instance's sessions only: " + ex.getCause().getMessage());
			}
		}
		summary.put("sessions", localSessions(listener, addresses));
		return summary;
	}

	private List<Map<String, Object>> localSessions(String listener, boolean addresses) {
		BoundListener bound = this.listeners.bound().get(listener);
		List<Map<String, Object>> sessions = new ArrayList<>();
		if (bound != null) {
			bound.sessions().forEach((session) -> {
				Map<String, Object> described = session.describe();
				if (!addresses) {
					described.remove("remote");
				}
				sessions.add(described);
			});
		}
		return sessions;
	}

	@DeleteOperation
	WebEndpointResponse<Map<String, Object>> close(@Selector String listener, @Selector String session) {
		BoundListener bound = this.listeners.bound().get(listener);
		if (bound == null) {
			return notFound("no running listener '" + listener + "'; running: " + this.listeners.bound().keySet());
		}
		SessionHandle open = bound.session(session);
		if (open != null) {
			open.closeByOperator();
			return new WebEndpointResponse<>(Map.of("closed", session));
		}
		if (this.cluster != null && ClusterSockets.owner(session) != null) {
			return closeElsewhere(listener, session);
		}
		return notFound("no open session '" + session + "' on listener '" + listener
				+ "'; it may have closed already (GET /actuator/sockets/" + listener + " lists the open ones)");
	}

	/** Closes a session on the instance that holds it. */
	private WebEndpointResponse<Map<String, Object>> closeElsewhere(String listener, String session) {
		SendResult result = this.cluster.close(session);
		return switch (result) {
			case SENT ->
				new WebEndpointResponse<>(Map.of("closed", session, "instance", ClusterSockets.owner(session)));
			case UNREACHABLE -> new WebEndpointResponse<>(
					Map.of("reason",
							"instance '" + ClusterSockets.owner(session) + "' or Redis did not answer; "
									+ "the session may or may not be closed"),
					WebEndpointResponse.STATUS_SERVICE_UNAVAILABLE);
			default -> notFound("no open session '" + session + "' in the cluster; it may have closed already "
					+ "(GET /actuator/sockets/" + listener + " lists the open ones)");
		};
	}

	private static WebEndpointResponse<Map<String, Object>> notFound(String reason) {
		return new WebEndpointResponse<>(Map.of("reason", reason), WebEndpointResponse.STATUS_NOT_FOUND);
	}

	private Map<String, Object> summary(String name) {
		ListenerProperties listener = this.listeners.configured().enabled().get(name);
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
