package io.wharf.transport.tcp.connection;

import java.time.Duration;

import io.micrometer.observation.Observation;
import io.wharf.api.CloseReason;
import io.wharf.config.LimitsText;
import io.wharf.config.ListenerProperties;
import io.wharf.observe.LogThrottle;
import io.wharf.transport.tcp.framing.FrameException;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.slf4j.MDC;
import org.slf4j.event.Level;

/**
 * The log lines of one TCP listener's sessions, each naming the listener, the connection
 * and what to change; repeated warnings are throttled, and every line about a session
 * carries its id and listener in the MDC.
 */
public final class ConnectionLog {

	private static final Logger logger = LoggerFactory.getLogger(ConnectionLog.class);

	/** Session lines per listener per second at most; the rest go to DEBUG. */
	public static final int SESSION_LINES_PER_SECOND = 20;

	private final String listener;

	private final String service;

	/**
	 * The settings the lines cite; a live change of the listener's limits replaces them.
	 */
	private volatile ListenerProperties properties;

	private final LogThrottle throttle = new LogThrottle();

	/**
	 * Lines that each session writes once are limited too, so a flood of connections
	 * cannot write thousands of lines a second.
	 */
	private final LogThrottle sessionLines = new LogThrottle(SESSION_LINES_PER_SECOND, Duration.ofSeconds(1));

	/**
	 * The log of one listener's connections.
	 * @param listener the listener's name
	 * @param properties the listener's settings
	 */
	public ConnectionLog(String listener, ListenerProperties properties) {
		this.listener = listener;
		this.service = properties.requiredService();
		this.properties = properties;
	}

	/**
	 * The listener's new settings, cited from now on.
	 * @param properties its settings
	 */
	public void change(ListenerProperties properties) {
		this.properties = properties;
	}

	/**
	 * Open sessions closed because the listener's new {@code allow} or {@code deny}
	 * refuses their clients.
	 * @param count how many
	 */
	public void closedByAccessChange(int count) {
		logger.info("Listener '{}' closing {} open sessions whose clients its new {} and {} refuse", this.listener,
				count, property("allow"), property("deny"));
	}

	/**
	 * A refused connection: the first of each cause at once, then at most one line per 10
	 * seconds per cause.
	 */
	public void refused(Object remote, String cause, @Nullable String why) {
		long heldBack = this.throttle.admit("rejected " + cause);
		if (heldBack >= 0) {
			logger.warn(
					"Listener '{}' refused a connection from {}: {}; counted in "
							+ "wharf_connections_rejected_total{cause=\"{}\"}{}",
					this.listener, remote, (why != null) ? why : why(cause), cause, heldBackNote(heldBack));
		}
	}

	/**
	 * A client let in over one of its limits: exempt ones at DEBUG, observed ones (the
	 * limits being sized) at WARN, throttled like refusals.
	 * @param client the client's address
	 * @param limit the limit it went over
	 * @param action {@code exempt} or {@code observed}
	 */
	public void overLimit(Object client, String limit, String action) {
		if (action.equals("exempt")) {
			logger.debug("Listener '{}' let exempt client {} over {}", this.listener, client, limit);
			return;
		}
		long heldBack = this.throttle.admit("observed " + limit);
		if (heldBack >= 0) {
			logger.warn("Listener '{}' would have refused a connection from {} (client-limits is observe, so it was "
					+ "let in; counted in wharf_client_limits_exceeded_total{limit=\"{}\",action=\"observed\"}): {}{}",
					this.listener, client, limit, LimitsText.exceeded(this.listener, this.properties, limit),
					heldBackNote(heldBack));
		}
	}

	private String why(String cause) {
		return switch (cause) {
			case "max_connections" -> "max-connections (" + this.properties.maxConnections() + ") are open; raise "
					+ property("max-connections");
			case "process_limit" -> "the process holds wharf.max-connections across listeners, below its "
					+ "file-descriptor limit; raise both";
			case "per_client", "per_prefix", "client_rate" ->
				LimitsText.exceeded(this.listener, this.properties, cause);
			case "untrusted_proxy" ->
				"it is not one of " + property("trusted-proxies") + ", which proxy-protocol on requires";
			default -> "the address is not allowed (" + property("allow") + ", " + property("deny") + ")";
		};
	}

	public void frameRejected(LoggedConnection session, FrameException frame) {
		String advice = (frame.hint() != null) ? frame.hint()
				: frame.tooLarge() ? "if such frames are legitimate, raise " + property("framing.max-frame-size")
						: "check that the client's framing matches " + property("framing");
		long heldBack = this.throttle.admit(frame.errorType());
		inSession(session, () -> {
			if (heldBack >= 0) {
				logger.warn("Listener '{}' closed connection {}: {}; {}{}", this.listener, session.getConnectionId(),
						frame.getMessage(), advice, (heldBack > 0) ? " (" + heldBack + " more like it in the last "
								+ "10 s were logged at DEBUG; wharf_errors_total counts all)" : "");
			}
			else {
				logger.debug("Listener '{}' closed connection {}: {}", this.listener, session.getConnectionId(),
						frame.getMessage());
			}
		});
	}

	public void idle(LoggedConnection session, Duration timeout) {
		long heldBack = this.sessionLines.admit("idle");
		inSession(session,
				() -> logger.atLevel((heldBack >= 0) ? Level.INFO : Level.DEBUG)
					.log("Listener '{}' closing connection {}: nothing received for {} ({}){}", this.listener,
							session.getConnectionId(), timeout, property("idle-timeout"), sessionNote(heldBack)));
	}

	/**
	 * A session closed for a time limit: the limit, what was seen and the property to
	 * change, at most once per 10 seconds per limit.
	 */
	public void deadline(LoggedConnection session, CloseReason reason, String what, String property) {
		long heldBack = this.throttle.admit(reason.tag());
		Level level = (heldBack < 0) ? Level.DEBUG : (reason == CloseReason.MAX_AGE) ? Level.INFO : Level.WARN;
		inSession(session,
				() -> logger.atLevel(level)
					.log("Listener '{}' closing connection {}: {} ({}){}", this.listener, session.getConnectionId(),
							what, property(property), heldBackNote(heldBack)));
	}

	public void clientGone(LoggedConnection session, Object why) {
		inSession(session, () -> logger.debug("Listener '{}' connection {} ended by the client: {}", this.listener,
				session.getConnectionId(), why));
	}

	public void unexpected(LoggedConnection session, String what, Throwable error) {
		long heldBack = this.throttle.admit(what);
		inSession(session, () -> {
			if (heldBack >= 0) {
				logger.warn("Listener '{}' closing connection {} after {}: {}{}", this.listener,
						session.getConnectionId(), what, error.toString(), heldBackNote(heldBack));
			}
			else {
				logger.debug("Listener '{}' closing connection {} after {}: {}", this.listener,
						session.getConnectionId(), what, error.toString());
			}
		});
	}

	/**
	 * The service threw while handling a session's frame or moment: one WARN line naming
	 * the listener, the session and the service, with the exception's stack trace, so
	 * that a person finds the line of their own code; at most one per 10 seconds, the
	 * rest at DEBUG.
	 * @param session the session, which closes
	 * @param error what the service threw
	 */
	public void serviceFailed(LoggedConnection session, Throwable error) {
		long heldBack = this.throttle.admit("service failed");
		inSession(session, () -> {
			if (heldBack >= 0) {
				logger.warn("Listener '{}' closing session {} after its service '{}' threw {}{}", this.listener,
						session.getConnectionId(), this.service, error, heldBackNote(heldBack), error);
			}
			else {
				logger.debug("Listener '{}' closing session {} after its service '{}' threw {}", this.listener,
						session.getConnectionId(), this.service, error, error);
			}
		});
	}

	/** One INFO line with what a person asks first about a connection that went away. */
	public void ended(LoggedConnection session, CloseReason reason, ConnectionCounts counts) {
		if (!logger.isInfoEnabled()) {
			return;
		}
		long heldBack = this.sessionLines.admit("ended");
		if (heldBack < 0 && !logger.isDebugEnabled()) {
			return;
		}
		inSession(session,
				() -> logger.atLevel((heldBack >= 0) ? Level.INFO : Level.DEBUG)
					.log("Listener '{}' session {} from {}:{}{} closed ({}) after {} ms: {}{}", this.listener,
							session.getConnectionId(), session.getHostAddress(), session.getPort(),
							(session.tls() != null) ? " over " + session.tls() : "", reason.tag(),
							counts.openNanos() / 1_000_000, counts, sessionNote(heldBack)));
	}

	private static String sessionNote(long heldBack) {
		return (heldBack > 0) ? " (" + heldBack + " more lines like it were logged at DEBUG, over "
				+ SESSION_LINES_PER_SECOND + " a second)" : "";
	}

	private String property(String suffix) {
		return "wharf.listeners." + this.listener + "." + suffix;
	}

	private static String heldBackNote(long heldBack) {
		return (heldBack > 0) ? " (" + heldBack + " more in the last 10 s were logged at DEBUG)" : "";
	}

	/**
	 * Runs a log statement with the connection id and listener in the MDC, in its
	 * session's trace.
	 */
	private void inSession(LoggedConnection session, Runnable log) {
		try (Observation.Scope trace = session.traceScope();
				MDC.MDCCloseable id = MDC.putCloseable("connectionId", session.getConnectionId());
				MDC.MDCCloseable listener = MDC.putCloseable("listener", this.listener)) {
			log.run();
		}
	}

}
