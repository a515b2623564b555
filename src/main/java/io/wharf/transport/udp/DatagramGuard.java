package io.wharf.transport.udp;

import java.net.Inet4Address;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.util.HashSet;
import java.util.Set;

import io.wharf.config.ClientLimits;
import io.wharf.config.LimitsText;
import io.wharf.config.ListenerProperties;
import io.wharf.observe.ListenerMetrics;
import io.wharf.observe.LogThrottle;
import io.wharf.transport.AddressRanges;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Decides which datagrams a UDP listener answers. A UDP source address can be forged, so
 * a listener never answers a source that would answer back (port 0, well-known services
 * such as echo and chargen, any of Wharf's own listener ports: CERT CA-1996-01), stops a
 * loop with any other server that answers back ({@link LoopGuard}), and keeps each source
 * within its {@link SourceBudgets}, counted as the network carries the bytes (IP and UDP
 * headers included). The loop guard applies to everyone; the budgets refuse no one in
 * {@code exempt-clients}, and no one with {@code client-limits: observe}. Every drop is
 * counted in {@code wharf_datagrams_dropped_total} by reason and logged: the first of
 * each reason at once, then at most once per 10 seconds.
 */
final class DatagramGuard {

	/** An IPv4 header and a UDP header. */
	static final int IPV4_HEADERS = 20 + 8;

	/** An IPv6 header and a UDP header. */
	static final int IPV6_HEADERS = 40 + 8;

	private static final Logger logger = LoggerFactory.getLogger(DatagramGuard.class);

	private final String listener;

	/** The limits in force; a live change of the listener's settings swaps them whole. */
	private volatile Rules rules;

	private final Set<Integer> wharfPorts;

	private final LoopGuard loops = new LoopGuard();

	private final ListenerMetrics metrics;

	private final LogThrottle throttle = new LogThrottle();

	/**
	 * Creates the guard of one listener.
	 * @param listener the listener's name
	 * @param properties its configuration
	 * @param wharfPorts the ports of every listener of this process
	 * @param metrics the listener's meters
	 */
	DatagramGuard(String listener, ListenerProperties properties, Set<Integer> wharfPorts, ListenerMetrics metrics) {
		this.listener = listener;
		this.rules = new Rules(properties, null);
		this.wharfPorts = Set.copyOf(wharfPorts);
		this.metrics = metrics;
	}

	/**
	 * Takes a listener's new source limits, for the datagrams that come from now on;
	 * sources keep their budgets when the budgets' sizes did not change.
	 * @param properties the listener's new settings
	 */
	void change(ListenerProperties properties) {
		this.rules = new Rules(properties, this.rules);
	}

	/**
	 * The size of a datagram as the network carries it.
	 * @param address its source or destination
	 * @param length its payload's length
	 * @return the payload and the IP and UDP headers
	 */
	static int onTheWire(InetAddress address, int length) {
		return length + ((address instanceof Inet4Address) ? IPV4_HEADERS : IPV6_HEADERS);
	}

	/**
	 * Whether a datagram may go to the service; a refused one is counted and logged.
	 * @param source where it came from
	 * @param data the buffer it is in
	 * @param offset where it starts
	 * @param length its length
	 * @return true to deliver it
	 */
	boolean admit(InetSocketAddress source, byte[] data, int offset, int length) {
		Drop drop = check(source, data, offset, length);
		if (drop == null) {
			return true;
		}
		dropped(drop, source, length);
		return false;
	}

	private @Nullable Drop check(InetSocketAddress source, byte[] data, int offset, int length) {
		Rules rules = this.rules;
		int port = source.getPort();
		if (rules.blockedPorts.contains(port)) {
			return Drop.RESERVED_PORT;
		}
		if (this.wharfPorts.contains(port)) {
			return Drop.WHARF_PORT;
		}
		long now = System.nanoTime();
		switch (this.loops.received(source, data, offset, length, now)) {
			case STARTED -> {
				loopStopped(source);
				return Drop.LOOP;
			}
			case COOLING -> {
				return Drop.LOOP;
			}
			case NONE -> {
			}
		}
		int wire = onTheWire(source.getAddress(), length);
		if (!rules.budgets.admit(source.getAddress(), wire, now)) {
			if (refuses(rules, "datagram_rate", source)) {
				return Drop.RATE_LIMITED;
			}
			rules.budgets.credit(source.getAddress(), wire, now);
		}
		return null;
	}

	/**
	 * Whether a reply is within its destination's reply budget; one that is not is
	 * counted and logged. A reply that goes out is remembered for the loop guard.
	 * @param destination the reply's destination
	 * @param reply the reply's bytes
	 * @return true to send it
	 */
	boolean mayReply(InetSocketAddress destination, byte[] reply) {
		Rules rules = this.rules;
		long now = System.nanoTime();
		int wire = onTheWire(destination.getAddress(), reply.length);
		// Whether the destination is let through regardless is worked out only when the
		// reply exceeds its budget: the common reply pays nothing for it.
		if (!rules.budgets.reply(destination.getAddress(), wire, now, false)) {
			if (refuses(rules, "amplification", destination)) {
				dropped(Drop.AMPLIFICATION, destination, reply.length);
				return false;
			}
			rules.budgets.reply(destination.getAddress(), wire, now, true);
		}
		this.loops.replied(destination, reply, now);
		return true;
	}

	/**
	 * Whether a source over one of its limits is refused; one that is not (exempt, or
	 * limits observed only) is counted and, when observed, logged.
	 */
	private boolean refuses(Rules rules, String limit, InetSocketAddress source) {
		if (!rules.observe && !rules.exempt.contains(source)) {
			this.metrics.clientLimitExceeded(limit, "refused");
			return true;
		}
		String action = rules.observe ? "observed" : "exempt";
		this.metrics.clientLimitExceeded(limit, action);
		if (rules.observe) {
			long heldBack = this.throttle.admit("observed " + limit);
			if (heldBack >= 0) {
				logger.warn(
						"Listener '{}' would have dropped a datagram to or from {} (client-limits is observe, so "
								+ "it went through; counted in wharf_client_limits_exceeded_total{limit=\"{}\","
								+ "action=\"observed\"}): {}{}",
						this.listener, source, limit, LimitsText.exceeded(this.listener, rules.properties, limit),
						heldBackNote(heldBack));
			}
		}
		return false;
	}

	private void loopStopped(InetSocketAddress source) {
		logger.warn(
				"Listener '{}' stops answering {} for {} s: it sent back exactly the reply it had just been sent, "
						+ "{} times in a row, each within {} ms, which is a loop with another server that answers back "
						+ "(its address was forged in a datagram to this one); counted in "
						+ "wharf_datagrams_dropped_total{reason=\"loop\"}",
				this.listener, source, LoopGuard.COOL_OFF.toSeconds(), LoopGuard.REFLECTIONS,
				LoopGuard.WINDOW.toMillis());
	}

	private void dropped(Drop drop, InetSocketAddress peer, int bytes) {
		this.metrics.datagramDropped(drop.tag);
		long heldBack = this.throttle.admit(drop.tag);
		if (heldBack >= 0) {
			logger.warn(
					"Listener '{}' dropped a {} byte {}: {}; counted in "
							+ "wharf_datagrams_dropped_total{reason=\"{}\"}{}",
					this.listener, bytes, (drop == Drop.AMPLIFICATION) ? "reply to " + peer : "datagram from " + peer,
					why(drop), drop.tag, heldBackNote(heldBack));
		}
		else if (logger.isDebugEnabled()) {
			logger.debug("Listener '{}' dropped a {} byte datagram to or from {}: {}", this.listener, bytes, peer,
					drop.tag);
		}
	}

	private String why(Drop drop) {
		return switch (drop) {
			case RESERVED_PORT -> "its source port is 0 or a well-known service that may answer back (wharf.listeners."
					+ this.listener + ".blocked-source-ports)";
			case WHARF_PORT ->
				"its source port is one of Wharf's own listener ports, so answering could start a reply loop";
			case LOOP -> "the source is in a reply loop with this listener and cools off for "
					+ LoopGuard.COOL_OFF.toSeconds() + " s";
			case RATE_LIMITED -> LimitsText.exceeded(this.listener, this.rules.properties, "datagram_rate");
			case AMPLIFICATION -> LimitsText.exceeded(this.listener, this.rules.properties, "amplification");
		};
	}

	private static String heldBackNote(long heldBack) {
		return (heldBack > 0) ? " (" + heldBack + " more in the last 10 s logged at DEBUG)" : "";
	}

	/** One listener's source limits, with the tables they need. */
	private static final class Rules {

		private final ListenerProperties properties;

		private final Set<Integer> blockedPorts;

		private final SourceBudgets budgets;

		private final AddressRanges exempt;

		private final boolean observe;

		Rules(ListenerProperties properties, @Nullable Rules before) {
			this.properties = properties;
			Set<Integer> blocked = new HashSet<>(properties.blockedSourcePorts());
			blocked.add(0);
			this.blockedPorts = Set.copyOf(blocked);
			this.budgets = (before != null && sameBudgets(before.properties, properties)) ? before.budgets
					: new SourceBudgets(properties.datagramRate(), properties.datagramBurst(),
							properties.maxAmplification(), properties.amplificationAllowance().toBytes());
			this.exempt = AddressRanges.of(properties.exemptClients());
			this.observe = properties.clientLimits() == ClientLimits.OBSERVE;
		}

		private static boolean sameBudgets(ListenerProperties before, ListenerProperties next) {
			return before.datagramRate() == next.datagramRate() && before.datagramBurst() == next.datagramBurst()
					&& before.maxAmplification() == next.maxAmplification()
					&& before.amplificationAllowance().equals(next.amplificationAllowance());
		}

	}

	/** Why a datagram or reply was dropped. */
	enum Drop {

		RESERVED_PORT("reserved_port"),

		WHARF_PORT("wharf_port"),

		LOOP("loop"),

		RATE_LIMITED("rate_limited"),

		AMPLIFICATION("amplification");

		final String tag;

		Drop(String tag) {
			this.tag = tag;
		}

	}

}
