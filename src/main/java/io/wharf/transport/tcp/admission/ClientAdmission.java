package io.wharf.transport.tcp.admission;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import io.wharf.config.ClientLimits;
import io.wharf.config.ListenerProperties;
import io.wharf.transport.AddressRanges;
import org.jspecify.annotations.Nullable;

/**
 * What one client address may open on a listener: nothing when the {@code allow} and
 * {@code deny} CIDR lists say so (Netty's subnet rules), and otherwise at most
 * {@code max-connections-per-client} connections from the address, at most
 * {@code max-connections-per-prefix} from its network (IPv4 /24, IPv6 /64, which one
 * holder usually controls), and new connections at {@code connection-rate-per-client}.
 * Those three limits are counted for everyone but refuse no one in {@code exempt-clients}
 * (addresses that stand for many clients: a node, a NAT, a sidecar), and no one at all
 * with {@code client-limits: observe}; what they let through over a limit is reported to
 * an {@link OverLimit}.
 */
public final class ClientAdmission {

	/** The limits in force; a live change of the listener's settings swaps them whole. */
	private volatile Rules rules;

	/**
	 * Connections per address and per network, counted whatever the limits, so that a
	 * limit switched on while the listener runs counts the connections already open.
	 */
	private final Map<InetAddress, Integer> byAddress = new ConcurrentHashMap<>();

	private final Map<InetAddress, Integer> byPrefix = new ConcurrentHashMap<>();

	private final OverLimit overLimit;

	ClientAdmission(ListenerProperties properties, OverLimit overLimit) {
		this(limits(properties), overLimit);
	}

	ClientAdmission(Limits limits, OverLimit overLimit) {
		this.rules = new Rules(limits, null);
		this.overLimit = overLimit;
	}

	/**
	 * Takes a listener's new client limits, for the connections that come from now on;
	 * open ones keep their slots, and a rate that did not change keeps its buckets.
	 * @param properties the listener's new settings
	 */
	void change(ListenerProperties properties) {
		change(limits(properties));
	}

	void change(Limits limits) {
		this.rules = new Rules(limits, this.rules);
	}

	private static Limits limits(ListenerProperties properties) {
		return new Limits(properties.allow(), properties.deny(), properties.exemptClients(),
				properties.clientLimits() == ClientLimits.OBSERVE, properties.maxConnectionsPerClient(),
				properties.maxConnectionsPerPrefix(), properties.connectionRatePerClient(),
				properties.connectionBurstPerClient());
	}

	/**
	 * A listener's client limits.
	 *
	 * @param allow CIDR ranges clients must come from; anyone when empty
	 * @param deny CIDR ranges clients must not come from
	 * @param exempt CIDR ranges never refused by the per-client limits
	 * @param observe whether the per-client limits only count
	 * @param perClient connections per address; 0 for no limit
	 * @param perPrefix connections per network; 0 for no limit
	 * @param rate new connections per second per address; 0 for no limit
	 * @param burst new connections at once per address
	 */
	record Limits(List<String> allow, List<String> deny, List<String> exempt, boolean observe, int perClient,
			int perPrefix, int rate, int burst) {

		/**
		 * Only connection counts, for everyone.
		 * @param perClient connections per address
		 * @param perPrefix connections per network
		 * @return the limits
		 */
		static Limits counts(int perClient, int perPrefix) {
			return new Limits(List.of(), List.of(), List.of(), false, perClient, perPrefix, 0, 1);
		}

	}

	/**
	 * Admits a client, taking a connection slot for its address and its network, if its
	 * limits allow it.
	 * @param address the client's address
	 * @return null when admitted (then {@link #release} it once), or the cause of refusal
	 */
	@Nullable String admit(InetAddress address) {
		Rules rules = this.rules;
		if (!rules.allowed(address)) {
			return "denied";
		}
		// Only worked out when a limit is exceeded: the common case pays nothing for it.
		Boolean[] lenient = { null };
		if (rules.rates != null && !rules.rates.take(address, System.nanoTime())
				&& refuses(rules, "client_rate", address, lenient)) {
			return "client_rate";
		}
		if (!take(this.byAddress, address, rules.limits.perClient())
				&& refuses(rules, "per_client", address, lenient)) {
			return "per_client";
		}
		if (!take(this.byPrefix, prefix(address), rules.limits.perPrefix())
				&& refuses(rules, "per_prefix", address, lenient)) {
			give(this.byAddress, address);
			return "per_prefix";
		}
		return null;
	}

	/**
	 * Whether a limit the client went over refuses it; when it does not, the count it
	 * went over is taken all the same and the excess reported.
	 */
	private boolean refuses(Rules rules, String limit, InetAddress address, Boolean[] lenient) {
		boolean observe = rules.limits.observe();
		if (lenient[0] == null) {
			lenient[0] = observe || rules.exempt.contains(address);
		}
		if (!lenient[0]) {
			return true;
		}
		if (limit.equals("per_client")) {
			force(this.byAddress, address);
		}
		else if (limit.equals("per_prefix")) {
			force(this.byPrefix, prefix(address));
		}
		this.overLimit.exceeded(limit, address, observe ? "observed" : "exempt");
		return false;
	}

	/**
	 * Whether {@code allow} and {@code deny}, as they are now, let an address in.
	 * @param address a client's address
	 * @return true when it is allowed
	 */
	boolean allows(InetAddress address) {
		return this.rules.allowed(address);
	}

	void release(InetAddress address) {
		give(this.byAddress, address);
		give(this.byPrefix, prefix(address));
	}

	/** Counts a connection unless that reaches a limit above 0. */
	private static boolean take(Map<InetAddress, Integer> counts, InetAddress key, int max) {
		boolean[] taken = { false };
		counts.compute(key, (k, count) -> {
			int now = (count != null) ? count : 0;
			if (max > 0 && now >= max) {
				return count;
			}
			taken[0] = true;
			return now + 1;
		});
		return taken[0];
	}

	private static void force(Map<InetAddress, Integer> counts, InetAddress key) {
		counts.merge(key, 1, Integer::sum);
	}

	private static void give(Map<InetAddress, Integer> counts, InetAddress key) {
		counts.computeIfPresent(key, (k, count) -> (count > 1) ? count - 1 : null);
	}

	/** One set of client limits, with the address ranges and rate buckets they need. */
	private static final class Rules {

		private final Limits limits;

		private final AddressRanges allow;

		private final AddressRanges deny;

		private final AddressRanges exempt;

		private final @Nullable ConnectionRates rates;

		Rules(Limits limits, @Nullable Rules before) {
			this.limits = limits;
			this.allow = AddressRanges.of(limits.allow());
			this.deny = AddressRanges.of(limits.deny());
			this.exempt = AddressRanges.of(limits.exempt());
			boolean sameRate = before != null && before.limits.rate() == limits.rate()
					&& before.limits.burst() == limits.burst();
			this.rates = (limits.rate() <= 0) ? null
					: sameRate ? before.rates : new ConnectionRates(limits.rate(), limits.burst());
		}

		boolean allowed(InetAddress address) {
			return !this.deny.contains(address) && (this.allow.isEmpty() || this.allow.contains(address));
		}

	}

	/** The network an address belongs to: its IPv4 /24 or IPv6 /64. */
	static InetAddress prefix(InetAddress address) {
		byte[] bytes = address.getAddress();
		int keep = (bytes.length == 4) ? 3 : 8;
		for (int i = keep; i < bytes.length; i++) {
			bytes[i] = 0;
		}
		try {
			return InetAddress.getByAddress(bytes);
		}
		catch (UnknownHostException ex) {
			throw new IllegalStateException(ex);
		}
	}

}
