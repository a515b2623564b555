package io.wharf.transport.udp;

import java.net.InetSocketAddress;
import java.util.HashSet;
import java.util.Set;

import io.wharf.config.ListenerProperties;
import io.wharf.observe.ListenerMetrics;
import io.wharf.observe.LogThrottle;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Decides which datagrams a UDP listener answers. A UDP source address can be forged, so
 * a listener never answers a source that would answer back (port 0, well-known services
 * such as echo and chargen, any of Wharf's own listener ports: CERT CA-1996-01), and
 * keeps each source within its {@link SourceBudgets}. Every drop is counted in
 * {@code wharf_datagrams_dropped_total} by reason and logged at most once per 10 seconds
 * per reason.
 */
final class DatagramGuard {

	private static final Logger logger = LoggerFactory.getLogger(DatagramGuard.class);

	private final String listener;

	private final Set<Integer> blockedPorts;

	private final Set<Integer> wharfPorts;

	private final SourceBudgets budgets;

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
		this.blockedPorts = new HashSet<>(properties.blockedSourcePorts());
		this.blockedPorts.add(0);
		this.wharfPorts = Set.copyOf(wharfPorts);
		this.budgets = new SourceBudgets(properties.datagramRate(), properties.datagramBurst(),
				properties.maxAmplification(), properties.amplificationAllowance().toBytes());
		this.metrics = metrics;
	}

	/**
	 * Whether a datagram may go to the service; a refused one is counted and logged.
	 * @param source where it came from
	 * @param bytes its length
	 * @return true to deliver it
	 */
	boolean admit(InetSocketAddress source, int bytes) {
		Drop drop = check(source, bytes);
		if (drop == null) {
			return true;
		}
		dropped(drop, source, bytes);
		return false;
	}

	private @Nullable Drop check(InetSocketAddress source, int bytes) {
		int port = source.getPort();
		if (this.blockedPorts.contains(port)) {
			return Drop.RESERVED_PORT;
		}
		if (this.wharfPorts.contains(port)) {
			return Drop.WHARF_PORT;
		}
		if (!this.budgets.admit(source.getAddress(), bytes, System.nanoTime())) {
			return Drop.RATE_LIMITED;
		}
		return null;
	}

	/**
	 * Whether a reply is within its destination's reply budget; one that is not is
	 * counted and logged.
	 * @param destination the reply's destination
	 * @param bytes the reply's length
	 * @return true to send it
	 */
	boolean mayReply(InetSocketAddress destination, int bytes) {
		if (this.budgets.reply(destination.getAddress(), bytes, System.nanoTime())) {
			return true;
		}
		dropped(Drop.AMPLIFICATION, destination, bytes);
		return false;
	}

	private void dropped(Drop drop, InetSocketAddress peer, int bytes) {
		this.metrics.datagramDropped(drop.tag);
		long heldBack = this.throttle.admit(drop.tag);
		if (heldBack >= 0) {
			logger.warn(
					"Listener '{}' dropped a {} byte {}: {}; counted in "
							+ "wharf_datagrams_dropped_total{reason=\"{}\"}{}",
					this.listener, bytes, (drop == Drop.AMPLIFICATION) ? "reply to " + peer : "datagram from " + peer,
					drop.why.replace("<name>", this.listener), drop.tag,
					(heldBack > 0) ? " (" + heldBack + " more in the last 10 s logged at DEBUG)" : "");
		}
		else if (logger.isDebugEnabled()) {
			logger.debug("Listener '{}' dropped a {} byte datagram to or from {}: {}", this.listener, bytes, peer,
					drop.tag);
		}
	}

	/** Why a datagram or reply was dropped. */
	enum Drop {

		RESERVED_PORT("reserved_port",
				"its source port is 0 or a well-known service that may answer back "
						+ "(wharf.listeners.<name>.blocked-source-ports)"),

		WHARF_PORT("wharf_port",
				"its source port is one of Wharf's own listener ports, so answering could start a reply loop"),

		RATE_LIMITED("rate_limited", "the source sent more than datagram-rate allows (datagram-burst at once)"),

		AMPLIFICATION("amplification",
				"it would exceed the source's reply budget (max-amplification times the bytes it sent, "
						+ "plus amplification-allowance per minute)");

		final String tag;

		final String why;

		Drop(String tag, String why) {
			this.tag = tag;
			this.why = why;
		}

	}

}
