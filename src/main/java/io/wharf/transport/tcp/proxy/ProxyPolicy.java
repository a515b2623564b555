package io.wharf.transport.tcp.proxy;

import java.net.InetSocketAddress;

import io.wharf.config.ListenerProperties;
import io.wharf.config.ProxyProtocol;
import io.wharf.transport.AddressRanges;

/**
 * A listener's PROXY protocol setting and the proxies it believes.
 *
 * @param mode off, on or optional
 * @param trusted the trusted proxies' ranges
 */
public record ProxyPolicy(ProxyProtocol mode, AddressRanges trusted) {

	/**
	 * A listener's setting.
	 * @param properties the listener's settings
	 * @return its policy
	 */
	public static ProxyPolicy of(ListenerProperties properties) {
		return new ProxyPolicy(properties.proxyProtocol(), AddressRanges.of(properties.trustedProxies()));
	}

	/**
	 * Whether a peer is one of the trusted proxies.
	 * @param peer the peer's address
	 * @return true if its header is believed
	 */
	public boolean trusts(InetSocketAddress peer) {
		return this.trusted.contains(peer);
	}

}
