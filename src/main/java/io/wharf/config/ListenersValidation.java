package io.wharf.config;

import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Pattern;

import io.netty.util.NetUtil;
import io.wharf.config.tls.ClientAuth;
import io.wharf.config.tls.SslProperties;

/**
 * Validates {@link ListenersProperties}: usable names, one listener per protocol and
 * port, and each listener's settings, alone (ranges, required settings) and together
 * (framing only on TCP, a PROXY header only from trusted proxies, TLS only on TCP).
 */
final class ListenersValidation {

	private static final Pattern NAME = Pattern.compile("[A-Za-z0-9][A-Za-z0-9_-]*");

	private ListenersValidation() {
	}

	static void check(ListenersProperties properties, PropertyChecks checks) {
		checks.atLeast("max-connections", properties.maxConnections(), 1);
		checks.atLeast("drain-timeout", properties.drainTimeout(), Duration.ZERO);
		Map<String, String> claimed = new HashMap<>();
		properties.enabled().forEach((name, listener) -> {
			if (!NAME.matcher(name).matches()) {
				checks.rejectAll("wharf.listeners: the name '" + name
						+ "' must start with a letter or digit and contain only letters, digits, '-' and '_'");
			}
			check(listener, checks.nested("listeners[" + name + "]"));
			if (listener.protocol() == null || listener.port() == null || listener.port() == 0) {
				return;
			}
			String key = listener.protocol().label() + " port " + listener.port();
			String other = claimed.putIfAbsent(key, name);
			if (other != null) {
				checks.rejectAll("wharf.listeners: listeners '" + other + "' and '" + name + "' both use " + key
						+ "; give one another port or set its enabled: false");
			}
		});
	}

	private static void check(ListenerProperties listener, PropertyChecks checks) {
		checks.required("protocol", listener.protocol(), "tcp or udp");
		if (checks.required("port", listener.port(), "0-65535, 0 picks a free port")) {
			checks.between("port", listener.port(), 0, 65535);
		}
		checks.required("service", listener.service(), "the name of a service bean, such as greeting or echo");
		checks.atLeast("backlog", listener.backlog(), 1);
		checks.atLeast("idle-timeout", listener.idleTimeout(), Duration.ZERO);
		checks.atLeast("frame-timeout", listener.frameTimeout(), Duration.ZERO);
		checks.atLeast("write-timeout", listener.writeTimeout(), Duration.ZERO);
		checks.atLeast("max-connection-age", listener.maxConnectionAge(), Duration.ZERO);
		checks.atLeast("max-connections", listener.maxConnections(), 1);
		checks.atLeast("max-connections-per-client", listener.maxConnectionsPerClient(), 0);
		checks.atLeast("max-connections-per-prefix", listener.maxConnectionsPerPrefix(), 0);
		checks.atLeast("connection-rate-per-client", listener.connectionRatePerClient(), 0);
		checks.atLeast("connection-burst-per-client", listener.connectionBurstPerClient(), 1);
		checks.atLeast("datagram-rate", listener.datagramRate(), 0);
		checks.atLeast("datagram-burst", listener.datagramBurst(), 1);
		checks.atLeast("max-amplification", listener.maxAmplification(), 0);
		for (Integer port : listener.blockedSourcePorts()) {
			checks.between("blocked-source-ports", port, 1, 65535);
		}
		if (listener.protocol() == Protocol.UDP && listener.framingConfigured()) {
			checks.reject("framing", "must not be set on a udp listener: every datagram is one message");
		}
		listener.framing().problems().forEach((property, rule) -> checks.reject("framing." + property, rule));
		checkRanges(checks, "allow", listener.allow());
		checkRanges(checks, "deny", listener.deny());
		checkRanges(checks, "trusted-proxies", listener.trustedProxies());
		checkRanges(checks, "exempt-clients", listener.exemptClients());
		if (listener.proxyProtocol() != ProxyProtocol.OFF) {
			if (listener.protocol() == Protocol.UDP) {
				checks.reject("proxy-protocol", "must be off on a udp listener: the PROXY protocol is for TCP");
			}
			else if (listener.trustedProxies().isEmpty()) {
				checks.reject("trusted-proxies",
						"must list the proxies' addresses (CIDR, e.g. 10.0.0.0/8) when " + "proxy-protocol is "
								+ listener.proxyProtocol().label() + ": anyone else could claim any address");
			}
		}
		SslProperties ssl = listener.ssl();
		checks.atLeast("ssl.handshake-timeout", ssl.handshakeTimeout(), Duration.ofMillis(1));
		if (ssl.enabled() && listener.protocol() == Protocol.UDP) {
			checks.reject("ssl.bundle", "must not be set on a udp listener: TLS is for TCP (DTLS is not supported)");
		}
		if (!ssl.enabled() && ssl.clientAuth() != ClientAuth.NONE) {
			checks.reject("ssl.bundle", "must name an SSL bundle when ssl.client-auth is "
					+ ssl.clientAuth().name().toLowerCase(Locale.ROOT));
		}
	}

	/**
	 * An IP literal and a prefix length that fits it; no host names (which would be
	 * looked up) and no shorthand such as 10.0.0 that Java would complete.
	 */
	static boolean isCidr(String range) {
		int slash = range.indexOf('/');
		if (slash < 0) {
			return false;
		}
		String address = range.substring(0, slash);
		int bits = NetUtil.isValidIpV4Address(address) ? 32 : NetUtil.isValidIpV6Address(address) ? 128 : -1;
		try {
			int prefix = Integer.parseInt(range.substring(slash + 1));
			return bits > 0 && prefix >= 0 && prefix <= bits;
		}
		catch (NumberFormatException ex) {
			return false;
		}
	}

	private static void checkRanges(PropertyChecks checks, String property, List<String> ranges) {
		for (int i = 0; i < ranges.size(); i++) {
			if (!isCidr(ranges.get(i))) {
				checks.reject(property + "[" + i + "]", "'" + ranges.get(i)
						+ "' is not a CIDR range such as 10.0.0.0/8, 192.0.2.7/32 or 2001:db8::/32");
			}
		}
	}

}
