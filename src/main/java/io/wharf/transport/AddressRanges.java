package io.wharf.transport;

import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.util.List;

import io.netty.handler.ipfilter.IpFilterRuleType;
import io.netty.handler.ipfilter.IpSubnetFilterRule;

/**
 * CIDR ranges of client addresses as a listener's settings name them ({@code allow},
 * {@code deny}, {@code trusted-proxies}, {@code exempt-clients}), matched with Netty's
 * subnet rules; the literals are validated at start-up.
 */
public final class AddressRanges {

	private final List<IpSubnetFilterRule> rules;

	private AddressRanges(List<IpSubnetFilterRule> rules) {
		this.rules = rules;
	}

	/**
	 * The ranges of a setting.
	 * @param cidrs the ranges, such as {@code 10.0.0.0/8}
	 * @return them, ready to match
	 */
	public static AddressRanges of(List<String> cidrs) {
		return new AddressRanges(
				cidrs.stream().map((cidr) -> new IpSubnetFilterRule(cidr, IpFilterRuleType.ACCEPT)).toList());
	}

	/**
	 * Whether the setting names no range at all.
	 * @return true when empty
	 */
	public boolean isEmpty() {
		return this.rules.isEmpty();
	}

	/**
	 * Whether an address is in any of the ranges.
	 * @param address the address and a port, which plays no part
	 * @return true if one matches
	 */
	public boolean contains(InetSocketAddress address) {
		for (IpSubnetFilterRule rule : this.rules) {
			if (rule.matches(address)) {
				return true;
			}
		}
		return false;
	}

	/**
	 * Whether an address is in any of the ranges.
	 * @param address the address
	 * @return true if one matches
	 */
	public boolean contains(InetAddress address) {
		return contains(new InetSocketAddress(address, 0));
	}

}
