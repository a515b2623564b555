package io.wharf.transport.udp;

import java.net.InetAddress;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * What each source address of a UDP listener may still do: send datagrams (a token bucket
 * of {@code datagram-rate} and {@code datagram-burst}) and receive reply bytes (credit of
 * {@code max-amplification} per byte it sent, plus {@code amplification-allowance} per
 * minute). A source address is unverified on UDP, so these budgets are what keeps a
 * spoofed datagram from becoming a flood at its victim.
 * <p>
 * The table keeps the most recently seen sources only; a source pushed out starts again
 * with a full budget, which bounds memory under a flood of random source addresses.
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

	private final Map<InetAddress, Budget> sources = new LinkedHashMap<>(1024, 0.75f, true) {

		@Override
		protected boolean removeEldestEntry(Map.Entry<InetAddress, Budget> eldest) {
			return size() > MAX_SOURCES;
		}

	};

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
		this.maxCredit = ratio * UdpTransport.MAX_DATAGRAM;
		this.allowance = allowance;
	}

	/**
	 * Takes a datagram from a source if its rate allows it, crediting its reply budget.
	 * @param source the datagram's source address
	 * @param bytes the datagram's length
	 * @param now {@link System#nanoTime()}
	 * @return false when the source is over its rate and the datagram must be dropped
	 */
	synchronized boolean admit(InetAddress source, int bytes, long now) {
		Budget budget = budget(source, now);
		budget.refill(now);
		if (budget.datagrams < 1) {
			return false;
		}
		budget.datagrams -= 1;
		budget.credit = Math.min(this.maxCredit, budget.credit + this.ratio * bytes);
		return true;
	}

	/**
	 * Spends a source's reply budget on a reply, if it covers it.
	 * @param destination the reply's destination, the source of the request
	 * @param bytes the reply's length
	 * @param now {@link System#nanoTime()}
	 * @return false when the reply would exceed the budget and must not be sent
	 */
	synchronized boolean reply(InetAddress destination, int bytes, long now) {
		Budget budget = budget(destination, now);
		budget.refill(now);
		if (budget.credit + budget.allowance < bytes) {
			return false;
		}
		double fromCredit = Math.min(budget.credit, bytes);
		budget.credit -= fromCredit;
		budget.allowance -= bytes - fromCredit;
		return true;
	}

	private Budget budget(InetAddress source, long now) {
		return this.sources.computeIfAbsent(source, (key) -> new Budget(now));
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
