package io.wharf.transport.tcp;

import java.time.Duration;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;

import io.netty.channel.EventLoopGroup;

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

	IdleSweep(Sessions sessions, Duration timeout) {
		this.sessions = sessions;
		this.timeoutNanos = timeout.toNanos();
	}

	/**
	 * Starts sweeping on one of the event loops.
	 * @param loops the event loops
	 * @return the scheduled sweep, to cancel when the listener closes
	 */
	ScheduledFuture<?> start(EventLoopGroup loops) {
		long interval = Math.max(MIN_INTERVAL_NANOS, Math.min(MAX_INTERVAL_NANOS, this.timeoutNanos / 4));
		return loops.next().scheduleAtFixedRate(this, interval, interval, TimeUnit.NANOSECONDS);
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
