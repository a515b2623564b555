package io.wharf.transport.tcp;

import java.net.InetSocketAddress;
import java.util.List;

import io.netty.handler.ipfilter.IpFilterRuleType;
import io.netty.handler.ipfilter.IpSubnetFilterRule;
import io.wharf.transport.ListenerProperties;
import io.wharf.transport.ProxyProtocol;

/**
 * A listener's PROXY protocol setting and the proxies it believes.
 *
 * @param mode off, on or optional
 * @param trusted the trusted proxies' ranges
 */
record ProxyPolicy(ProxyProtocol mode, List<IpSubnetFilterRule> trusted) {

	static ProxyPolicy of(ListenerProperties properties) {
		return new ProxyPolicy(properties.proxyProtocol(),
				ClientAdmission.rules(properties.trustedProxies(), IpFilterRuleType.ACCEPT));
	}

	boolean trusts(InetSocketAddress peer) {
		return ClientAdmission.anyMatches(this.trusted, peer);
	}

}
