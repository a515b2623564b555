package io.wharf.transport.tcp.admission;

import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.UnknownHostException;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import io.netty.handler.ipfilter.IpFilterRuleType;
import io.netty.handler.ipfilter.IpSubnetFilterRule;
import io.wharf.config.ListenerProperties;
import org.jspecify.annotations.Nullable;

/**
 * What one client address may open on a listener: nothing when the {@code allow} and
 * {@code deny} CIDR lists say so (Netty's subnet rules), and otherwise at most
 * {@code max-connections-per-client} connections from the address, at most
 * {@code max-connections-per-prefix} from its network (IPv4 /24, IPv6 /64, which one
 * holder usually controls), and new connections at {@code connection-rate-per-client}.
 */
public final class ClientAdmission {

	private final List<IpSubnetFilterRule> allow;

	private final List<IpSubnetFilterRule> deny;

	private final int perClient;

	private final int perPrefix;

	private final Map<InetAddress, Integer> byAddress = new ConcurrentHashMap<>();

	private final Map<InetAddress, Integer> byPrefix = new ConcurrentHashMap<>();

	private final @Nullable ConnectionRates rates;

	ClientAdmission(ListenerProperties properties) {
		this(properties.allow(), properties.deny(), properties.maxConnectionsPerClient(),
				properties.maxConnectionsPerPrefix(), properties.connectionRatePerClient(),
				properties.connectionBurstPerClient());
	}

	ClientAdmission(List<String> allow, List<String> deny, int perClient, int perPrefix, int rate, int burst) {
		this.allow = rules(allow, IpFilterRuleType.ACCEPT);
		this.deny = rules(deny, IpFilterRuleType.REJECT);
		this.perClient = perClient;
		this.perPrefix = perPrefix;
		this.rates = (rate > 0) ? new ConnectionRates(rate, burst) : null;
	}

	/**
	 * Netty's subnet rules for CIDR ranges, validated as literals at start-up.
	 * @param cidrs the ranges, such as {@code 10.0.0.0/8}
	 * @param type accept or reject
	 * @return one rule per range
	 */
	public static List<IpSubnetFilterRule> rules(List<String> cidrs, IpFilterRuleType type) {
		return cidrs.stream().map((cidr) -> new IpSubnetFilterRule(cidr, type)).toList();
	}

	/**
	 * Checks an address against the CIDR lists and its connection rate.
	 * @param address the client's address
	 * @return null when it may connect, or the cause of refusal
	 */
	@Nullable String check(InetAddress address) {
		if (!allowed(address)) {
			return "denied";
		}
		if (this.rates != null && !this.rates.take(address, System.nanoTime())) {
			return "client_rate";
		}
		return null;
	}

	/**
	 * Takes a connection slot for an address and its network, if their limits allow.
	 * @param address the client's address
	 * @return null when taken (then {@link #release} it once), or the cause of refusal
	 */
	@Nullable String take(InetAddress address) {
		if (!take(this.byAddress, address, this.perClient)) {
			return "per_client";
		}
		if (!take(this.byPrefix, prefix(address), this.perPrefix)) {
			give(this.byAddress, address);
			return "per_prefix";
		}
		return null;
	}

	void release(InetAddress address) {
		give(this.byAddress, address);
		give(this.byPrefix, prefix(address));
	}

	private boolean allowed(InetAddress address) {
		InetSocketAddress socket = new InetSocketAddress(address, 0);
		return !anyMatches(this.deny, socket) && (this.allow.isEmpty() || anyMatches(this.allow, socket));
	}

	/**
	 * Whether an address is in any of the ranges.
	 * @param rules the ranges
	 * @param address the address
	 * @return true if one matches
	 */
	public static boolean anyMatches(List<IpSubnetFilterRule> rules, InetSocketAddress address) {
		return rules.stream().anyMatch((rule) -> rule.matches(address));
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

	private void give(Map<InetAddress, Integer> counts, InetAddress key) {
		counts.computeIfPresent(key, (k, count) -> (count > 1) ? count - 1 : null);
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
