package io.wharf.transport.tcp.proxy;

import java.net.InetSocketAddress;
import java.util.List;

import io.netty.handler.ipfilter.IpFilterRuleType;
import io.netty.handler.ipfilter.IpSubnetFilterRule;
import io.wharf.config.ListenerProperties;
import io.wharf.config.ProxyProtocol;
import io.wharf.transport.tcp.admission.ClientAdmission;

/**
 * A listener's PROXY protocol setting and the proxies it believes.
 *
 * @param mode off, on or optional
 * @param trusted the trusted proxies' ranges
 */
public record ProxyPolicy(ProxyProtocol mode, List<IpSubnetFilterRule> trusted) {

	/**
	 * A listener's setting.
	 * @param properties the listener's settings
	 * @return its policy
	 */
	public static ProxyPolicy of(ListenerProperties properties) {
		return new ProxyPolicy(properties.proxyProtocol(),
				ClientAdmission.rules(properties.trustedProxies(), IpFilterRuleType.ACCEPT));
	}

	/**
	 * Whether a peer is one of the trusted proxies.
	 * @param peer the peer's address
	 * @return true if its header is believed
	 */
	public boolean trusts(InetSocketAddress peer) {
		return ClientAdmission.anyMatches(this.trusted, peer);
	}

}
