package io.wharf.transport.tcp.connection;

import java.time.Duration;
import java.util.Collection;
import java.util.Locale;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;

import io.netty.channel.EventLoopGroup;
import io.wharf.api.CloseReason;
import org.jspecify.annotations.Nullable;

/**
 * Closes the sessions of one listener that overstay a time limit ({@link Deadlines}): one
 * timer per listener that looks at every session a few times per limit, instead of timers
 * per connection (a scheduled task and a handler each, about a tenth of a connection's
 * heap). A closing session is also held to the write timeout, so no close waits forever
 * for a client that does not read.
 */
public final class DeadlineSweep implements Runnable {

	private static final String RECONNECT = "Server: this connection reached its maximum age; please reconnect\n";

	private final Supplier<Collection<? extends SweptConnection>> sessions;

	private final ConnectionLog log;

	/**
	 * The limits in force; replaced when the listener's timeouts change while it runs.
	 */
	private volatile Deadlines deadlines;

	private final EventLoopGroup loops;

	private volatile @Nullable ScheduledFuture<?> sweeping;

	/**
	 * The sweep of one listener.
	 * @param sessions the listener's open sessions
	 * @param log the listener's session log
	 * @param deadlines the listener's limits
	 * @param loops the event loops, one of which runs the sweep
	 */
	public DeadlineSweep(Supplier<Collection<? extends SweptConnection>> sessions, ConnectionLog log,
			Deadlines deadlines, EventLoopGroup loops) {
		this.sessions = sessions;
		this.log = log;
		this.deadlines = deadlines;
		this.loops = loops;
	}

	/** Starts sweeping on one of the event loops, unless there is no limit at all. */
	public synchronized void start() {
		long interval = this.deadlines.sweepInterval();
		if (interval > 0) {
			this.sweeping = this.loops.next().scheduleAtFixedRate(this, interval, interval, TimeUnit.NANOSECONDS);
		}
	}

	/**
	 * The limits in force.
	 * @return the limits
	 */
	public Deadlines deadlines() {
		return this.deadlines;
	}

	/**
	 * Holds the listener's sessions to new limits from the next sweep on, open sessions
	 * included (an open session keeps the age limit drawn when it opened).
	 * @param next the new limits
	 */
	public synchronized void change(Deadlines next) {
		boolean sweeping = this.sweeping != null;
		stop();
		this.deadlines = next;
		if (sweeping) {
			start();
		}
	}

	/** Stops sweeping, when the listener closes. */
	public synchronized void stop() {
		ScheduledFuture<?> sweep = this.sweeping;
		if (sweep != null) {
			sweep.cancel(false);
			this.sweeping = null;
		}
	}

	@Override
	public void run() {
		long now = System.nanoTime();
		for (SweptConnection session : this.sessions.get()) {
			if (due(session, now) != null) {
				// Checked again on the session's own thread, which a read may have
				// reached.
				session.execute(() -> {
					CloseReason due = due(session, System.nanoTime());
					if (due != null) {
						act(session, due);
					}
				});
			}
		}
	}

	private @Nullable CloseReason due(SweptConnection session, long now) {
		ConnectionCounts counts = session.counts();
		Deadlines limits = this.deadlines;
		if (session.closeState().closing()) {
			return (limits.write() > 0 && session.closeState().closingFor(now) >= limits.write())
					? CloseReason.WRITE_TIMEOUT : null;
		}
		if (limits.write() > 0 && counts.unwritableFor(now) >= limits.write()) {
			return CloseReason.WRITE_TIMEOUT;
		}
		if (limits.idle() > 0 && counts.idleNanos() >= limits.idle()) {
			return CloseReason.IDLE_TIMEOUT;
		}
		if (limits.frame() > 0 && counts.midFrameFor(now) >= limits.frame()) {
			return CloseReason.FRAME_TIMEOUT;
		}
		return limits.overAge(counts.openedAt(), now) ? CloseReason.MAX_AGE : null;
	}

	private void act(SweptConnection session, CloseReason due) {
		ConnectionLog log = this.log;
		switch (due) {
			case IDLE_TIMEOUT -> session.expire();
			case WRITE_TIMEOUT -> {
				log.deadline(session, due, "its replies were not taken for " + describe(this.deadlines.write()) + " ("
						+ session.closeState().pendingBytes() + " bytes pending)", "write-timeout");
				session.closeState().now(CloseReason.WRITE_TIMEOUT);
			}
			case FRAME_TIMEOUT -> {
				log.deadline(session, due,
						"a frame begun " + describe(this.deadlines.frame()) + " ago is still not complete",
						"frame-timeout");
				session.sayAndClose("ERROR frame not completed within " + describe(this.deadlines.frame())
						+ "; closing the connection\n", due);
			}
			default -> {
				log.deadline(session, due, "it reached its maximum age of " + describe(this.deadlines.maxAge()),
						"max-connection-age");
				session.sayAndClose(RECONNECT, due);
			}
		}
	}

	private static String describe(long nanos) {
		return Duration.ofNanos(nanos).toString().substring(2).toLowerCase(Locale.ROOT);
	}

}
