package io.wharf.transport.tcp;

import java.time.Duration;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;

import io.netty.channel.EventLoopGroup;
import org.jspecify.annotations.Nullable;

/**
 * Closes the sessions of one listener that sent nothing for its idle timeout: one timer
 * per listener that looks at every session a few times per timeout, instead of a timer
 * per connection (a scheduled task and a handler each, about a tenth of a connection's
 * heap). A session is closed between one and one and a quarter idle timeouts after its
 * last read.
 */
final class IdleSweep implements Runnable {

	private static final long MIN_INTERVAL_NANOS = TimeUnit.MILLISECONDS.toNanos(10);

	private static final long MAX_INTERVAL_NANOS = TimeUnit.SECONDS.toNanos(1);

	private final Sessions sessions;

	private final long timeoutNanos;

	private final EventLoopGroup loops;

	private volatile @Nullable ScheduledFuture<?> sweeping;

	IdleSweep(Sessions sessions, Duration timeout, EventLoopGroup loops) {
		this.sessions = sessions;
		this.timeoutNanos = timeout.toNanos();
		this.loops = loops;
	}

	/**
	 * Starts sweeping on one of the event loops, unless the idle timeout is 0 (never).
	 */
	void start() {
		if (this.timeoutNanos > 0) {
			long interval = Math.max(MIN_INTERVAL_NANOS, Math.min(MAX_INTERVAL_NANOS, this.timeoutNanos / 4));
			this.sweeping = this.loops.next().scheduleAtFixedRate(this, interval, interval, TimeUnit.NANOSECONDS);
		}
	}

	/** Stops sweeping, when the listener closes. */
	void stop() {
		ScheduledFuture<?> sweep = this.sweeping;
		if (sweep != null) {
			sweep.cancel(false);
			this.sweeping = null;
		}
	}

	@Override
	public void run() {
		for (TcpSession session : this.sessions.all()) {
			if (session.counts.idleNanos() >= this.timeoutNanos) {
				// Checked again on the session's own thread, which a read may have
				// reached.
				session.channel.eventLoop().execute(() -> {
					if (!session.close.closing() && session.counts.idleNanos() >= this.timeoutNanos) {
						session.expire();
					}
				});
			}
		}
	}

}
