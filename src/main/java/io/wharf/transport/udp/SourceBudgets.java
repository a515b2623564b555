package io.wharf.transport.udp;

import java.net.InetAddress;
import java.util.concurrent.TimeUnit;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;

/**
 * What each source address of a UDP listener may still do: send datagrams (a token bucket
 * of {@code datagram-rate} and {@code datagram-burst}) and receive reply bytes (credit of
 * {@code max-amplification} per byte it sent, plus {@code amplification-allowance} per
 * minute), bytes counted as the caller says (on the wire). A source address is unverified
 * on UDP, so these budgets are what keeps a spoofed datagram from becoming a flood at its
 * victim.
 * <p>
 * The table is a bounded, concurrent cache (Caffeine): a source unseen for a minute is
 * forgotten, and under a flood of random source addresses the sources seen once go first,
 * so the clients that keep talking keep their budgets; one pushed out starts again with a
 * full budget.
 */
final class SourceBudgets {

	/** Sources remembered at most. */
	static final int MAX_SOURCES = 65_536;

	private static final double NANOS_PER_SECOND = TimeUnit.SECONDS.toNanos(1);

	private static final double NANOS_PER_MINUTE = TimeUnit.MINUTES.toNanos(1);

	private final double datagramsPerNano;

	private final double burst;

	private final double ratio;

	private final double maxCredit;

	private final double allowance;

	private final Cache<InetAddress, Budget> sources = Caffeine.newBuilder()
		.maximumSize(MAX_SOURCES)
		// Housekeeping on the receiving thread, never on the common pool.
		.executor(Runnable::run)
		.build();

	/**
	 * Creates the budgets of one listener.
	 * @param datagramRate datagrams per second per source; 0 for no limit
	 * @param burst datagrams a source may send at once
	 * @param ratio reply bytes per request byte
	 * @param allowance reply bytes per minute beyond the ratio
	 */
	SourceBudgets(int datagramRate, int burst, double ratio, long allowance) {
		this.datagramsPerNano = datagramRate / NANOS_PER_SECOND;
		this.burst = (datagramRate > 0) ? burst : Double.POSITIVE_INFINITY;
		this.ratio = ratio;
		this.maxCredit = ratio * (UdpTransport.MAX_DATAGRAM + DatagramGuard.IPV6_HEADERS);
		this.allowance = allowance;
	}

	/**
	 * Takes a datagram from a source if its rate allows it, crediting its reply budget.
	 * @param source the datagram's source address
	 * @param bytes the datagram's size
	 * @param now {@link System#nanoTime()}
	 * @return false when the source is over its rate
	 */
	boolean admit(InetAddress source, int bytes, long now) {
		Budget budget = budget(source, now);
		synchronized (budget) {
			budget.refill(now);
			if (budget.datagrams < 1) {
				return false;
			}
			budget.datagrams -= 1;
			budget.credit = Math.min(this.maxCredit, budget.credit + this.ratio * bytes);
			return true;
		}
	}

	/**
	 * Credits a source's reply budget for a datagram let in over its rate (an exempt
	 * source, or limits observed only).
	 * @param source the datagram's source address
	 * @param bytes the datagram's size
	 * @param now {@link System#nanoTime()}
	 */
	void credit(InetAddress source, int bytes, long now) {
		Budget budget = budget(source, now);
		synchronized (budget) {
			budget.credit = Math.min(this.maxCredit, budget.credit + this.ratio * bytes);
		}
	}

	/**
	 * Spends a source's reply budget on a reply, if it covers it.
	 * @param destination the reply's destination, the source of the request
	 * @param bytes the reply's size
	 * @param now {@link System#nanoTime()}
	 * @param regardless whether to spend what there is even when it does not cover the
	 * reply (the reply goes out all the same)
	 * @return false when the reply exceeds the budget
	 */
	boolean reply(InetAddress destination, int bytes, long now, boolean regardless) {
		Budget budget = budget(destination, now);
		synchronized (budget) {
			budget.refill(now);
			boolean covered = budget.credit + budget.allowance >= bytes;
			if (!covered && !regardless) {
				return false;
			}
			double fromCredit = Math.min(budget.credit, bytes);
			budget.credit -= fromCredit;
			budget.allowance = Math.max(0, budget.allowance - (bytes - fromCredit));
			return covered;
		}
	}

	/** Runs the table's pending housekeeping (tests). */
	long size() {
		this.sources.cleanUp();
		return this.sources.estimatedSize();
	}

	private Budget budget(InetAddress source, long now) {
		return this.sources.get(source, (key) -> new Budget(now));
	}

	private final class Budget {

		private double datagrams = SourceBudgets.this.burst;

		private double credit;

		private double allowance = SourceBudgets.this.allowance;

		private long refilledAt;

		Budget(long now) {
			this.refilledAt = now;
		}

		void refill(long now) {
			long elapsed = now - this.refilledAt;
			if (elapsed <= 0) {
				return;
			}
			this.refilledAt = now;
			this.datagrams = Math.min(SourceBudgets.this.burst,
					this.datagrams + elapsed * SourceBudgets.this.datagramsPerNano);
			this.allowance = Math.min(SourceBudgets.this.allowance,
					this.allowance + elapsed * SourceBudgets.this.allowance / NANOS_PER_MINUTE);
		}

	}

}
