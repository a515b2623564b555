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

	private final AddressRanges allow;

	private final AddressRanges deny;

	private final AddressRanges exempt;

	private final boolean observe;

	private final int perClient;

	private final int perPrefix;

	private final Map<InetAddress, Integer> byAddress = new ConcurrentHashMap<>();

	private final Map<InetAddress, Integer> byPrefix = new ConcurrentHashMap<>();

	private final @Nullable ConnectionRates rates;

	private final OverLimit overLimit;

	ClientAdmission(ListenerProperties properties, OverLimit overLimit) {
		this(new Limits(properties.allow(), properties.deny(), properties.exemptClients(),
				properties.clientLimits() == ClientLimits.OBSERVE, properties.maxConnectionsPerClient(),
				properties.maxConnectionsPerPrefix(), properties.connectionRatePerClient(),
				properties.connectionBurstPerClient()), overLimit);
	}

	ClientAdmission(Limits limits, OverLimit overLimit) {
		this.allow = AddressRanges.of(limits.allow());
		this.deny = AddressRanges.of(limits.deny());
		this.exempt = AddressRanges.of(limits.exempt());
		this.observe = limits.observe();
		this.perClient = limits.perClient();
		this.perPrefix = limits.perPrefix();
		this.rates = (limits.rate() > 0) ? new ConnectionRates(limits.rate(), limits.burst()) : null;
		this.overLimit = overLimit;
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
		if (!allowed(address)) {
			return "denied";
		}
		// Only worked out when a limit is exceeded: the common case pays nothing for it.
		Boolean[] lenient = { null };
		if (this.rates != null && !this.rates.take(address, System.nanoTime())
				&& refuses("client_rate", address, lenient)) {
			return "client_rate";
		}
		if (!take(this.byAddress, address, this.perClient) && refuses("per_client", address, lenient)) {
			return "per_client";
		}
		if (!take(this.byPrefix, prefix(address), this.perPrefix) && refuses("per_prefix", address, lenient)) {
			give(this.byAddress, address, this.perClient);
			return "per_prefix";
		}
		return null;
	}

	/**
	 * Whether a limit the client went over refuses it; when it does not, the count it
	 * went over is taken all the same and the excess reported.
	 */
	private boolean refuses(String limit, InetAddress address, Boolean[] lenient) {
		if (lenient[0] == null) {
			lenient[0] = this.observe || this.exempt.contains(address);
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
		this.overLimit.exceeded(limit, address, this.observe ? "observed" : "exempt");
		return false;
	}

	void release(InetAddress address) {
		give(this.byAddress, address, this.perClient);
		give(this.byPrefix, prefix(address), this.perPrefix);
	}

	private boolean allowed(InetAddress address) {
		return !this.deny.contains(address) && (this.allow.isEmpty() || this.allow.contains(address));
	}

	private static boolean take(Map<InetAddress, Integer> counts, InetAddress key, int max) {
		if (max <= 0) {
			return true;
		}
		boolean[] taken = { false };
		counts.compute(key, (k, count) -> {
			int now = (count != null) ? count : 0;
			if (now >= max) {
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

	private static void give(Map<InetAddress, Integer> counts, InetAddress key, int max) {
		if (max > 0) {
			counts.computeIfPresent(key, (k, count) -> (count > 1) ? count - 1 : null);
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
