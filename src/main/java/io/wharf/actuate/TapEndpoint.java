package io.wharf.actuate;

import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

import io.wharf.cluster.ClusterSessions;
import io.wharf.conversation.FrameTap;
import io.wharf.conversation.SessionHandle;
import io.wharf.transport.BoundListener;
import io.wharf.transport.Listeners;
import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;
import org.jspecify.annotations.Nullable;

import org.springframework.boot.actuate.endpoint.Access;
import org.springframework.boot.actuate.endpoint.SecurityContext;
import org.springframework.boot.actuate.endpoint.annotation.Endpoint;
import org.springframework.boot.actuate.endpoint.annotation.Selector;
import org.springframework.boot.actuate.endpoint.annotation.WriteOperation;
import org.springframework.boot.actuate.endpoint.web.WebEndpointResponse;

/**
 * {@code POST /actuator/tap/{listener}/{session}}: the session's next frames both ways
 * ({@code frames}, default 100) within a time ({@code seconds}, default 10), each with
 * its time, direction and length, as escaped text and as hex; capped by
 * {@code wharf.tap.*}. It shows payloads, so it is off three times over:
 * {@code wharf.tap.enabled}, the endpoint's exposure and its access
 * ({@code management.endpoint.tap.access=unrestricted}). Every tap is logged with who
 * asked. A session that is not tapped pays one field read per frame.
 */
@Endpoint(id = "tap", defaultAccess = Access.NONE)
class TapEndpoint {

	private static final Log logger = LogFactory.getLog(TapEndpoint.class);

	private static final int DEFAULT_FRAMES = 100;

	private static final int DEFAULT_SECONDS = 10;

	private static final int STATUS_FORBIDDEN = 403;

	private final Listeners listeners;

	private final TapProperties properties;

	private final @Nullable ClusterSessions cluster;

	TapEndpoint(Listeners listeners, TapProperties properties, @Nullable ClusterSessions cluster) {
		this.listeners = listeners;
		this.properties = properties;
		this.cluster = cluster;
	}

	@WriteOperation
	WebEndpointResponse<Map<String, Object>> tap(SecurityContext security, @Selector String listener,
			@Selector String session, @Nullable Integer frames, @Nullable Integer seconds) throws InterruptedException {
		if (!this.properties.enabled()) {
			return refused(STATUS_FORBIDDEN,
					"taps are off: set wharf.tap.enabled=true to allow them (docs/operations.md)");
		}
		BoundListener bound = this.listeners.bound().get(listener);
		SessionHandle open = (bound != null) ? bound.session(session) : null;
		String owner = (open == null && this.cluster != null) ? ClusterSockets.owner(session) : null;
		if (open == null && owner == null) {
			return notOpen(listener, session);
		}
		int count = Math.max(1, Math.min((frames != null) ? frames : DEFAULT_FRAMES, this.properties.maxFrames()));
		long millis = Math.max(1, Math.min(((seconds != null) ? seconds : DEFAULT_SECONDS) * 1000L,
				this.properties.maxDuration().toMillis()));
		String who = (security.getPrincipal() != null) ? "'" + security.getPrincipal().getName() + "'"
				: "an unauthenticated caller";
		logger
			.info("Tap of session " + session + " on listener '" + listener + "' for up to " + count + " frames within "
					+ millis + " ms, asked by " + who + ((owner != null) ? ", on instance " + owner : ""));
		FrameTap.Result result;
		if (open != null) {
			result = tapHere(open, count, millis);
		}
		else {
			Optional<FrameTap.Result> there = this.cluster
				.tap(session, count, this.properties.maxBytes().toBytes(), Duration.ofMillis(millis))
				.toCompletableFuture()
				.join();
			if (there.isEmpty()) {
				return refused(WebEndpointResponse.STATUS_SERVICE_UNAVAILABLE,
						"instance '" + owner + "' or Redis did not answer; no frames to show");
			}
			if (there.get() == ClusterSessions.GONE) {
				return notOpen(listener, session);
			}
			result = there.get();
		}
		Map<String, Object> body = new LinkedHashMap<>();
		body.put("listener", listener);
		body.put("session", session);
		if (owner != null) {
			body.put("instance", owner);
		}
		body.put("ended", result.ended());
		body.put("frames", result.frames().stream().map(TapEndpoint::describe).toList());
		return new WebEndpointResponse<>(body);
	}

	private FrameTap.Result tapHere(SessionHandle open, int count, long millis) throws InterruptedException {
		FrameTap tap = new FrameTap(count, this.properties.maxBytes().toBytes());
		open.tap(tap);
		try {
			return tap.result().get(millis, TimeUnit.MILLISECONDS);
		}
		catch (TimeoutException ex) {
			open.untap(tap);
			return awaitEnd(tap);
		}
		catch (ExecutionException ex) {
			throw new IllegalStateException(ex.getCause());
		}
	}

	private static WebEndpointResponse<Map<String, Object>> notOpen(String listener, String session) {
		return refused(WebEndpointResponse.STATUS_NOT_FOUND, "no open session '" + session + "' on listener '"
				+ listener + "' (GET /actuator/sockets/" + listener + " lists the open ones)");
	}

	/** The session's I/O thread ends the tap; a second is more than it takes. */
	private static FrameTap.Result awaitEnd(FrameTap tap) throws InterruptedException {
		try {
			return tap.result().get(1, TimeUnit.SECONDS);
		}
		catch (TimeoutException | ExecutionException ex) {
			return new FrameTap.Result(List.of(), "time");
		}
	}

	private static Map<String, Object> describe(FrameTap.Frame frame) {
		Map<String, Object> described = new LinkedHashMap<>();
		described.put("at", frame.at().toString());
		described.put("direction", frame.direction());
		described.put("length", frame.length());
		described.put("text", frame.text());
		described.put("hex", frame.hex());
		if (frame.cut()) {
			described.put("cut", true);
		}
		return described;
	}

	private static WebEndpointResponse<Map<String, Object>> refused(int status, String reason) {
		return new WebEndpointResponse<>(Map.of("reason", reason), status);
	}

}
