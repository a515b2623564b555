package io.wharf.config;

import java.util.List;
import java.util.Locale;

import io.netty.util.NetUtil;
import io.wharf.config.tls.ClientAuth;
import io.wharf.config.tls.SslProperties;
import jakarta.validation.ConstraintValidator;
import jakarta.validation.ConstraintValidatorContext;

/**
 * Validates {@link ListenerProperties}: the framing's own rules, and no framing on UDP,
 * where every datagram is one message.
 */
class ListenerValidator implements ConstraintValidator<ValidListener, ListenerProperties> {

	@Override
	public boolean isValid(ListenerProperties listener, ConstraintValidatorContext context) {
		Violations violations = new Violations(context);
		if (listener.protocol() == Protocol.UDP && listener.framingConfigured()) {
			violations.add("framing", "must not be set on a udp listener: every datagram is one message");
		}
		listener.framing().problems().forEach((property, rule) -> violations.add("framing." + property, rule));
		checkRanges(violations, "allow", listener.allow());
		checkRanges(violations, "deny", listener.deny());
		checkRanges(violations, "trusted-proxies", listener.trustedProxies());
		if (listener.proxyProtocol() != ProxyProtocol.OFF) {
			if (listener.protocol() == Protocol.UDP) {
				violations.add("proxy-protocol", "must be off on a udp listener: the PROXY protocol is for TCP");
			}
			else if (listener.trustedProxies().isEmpty()) {
				violations.add("trusted-proxies",
						"must list the proxies' addresses (CIDR, e.g. 10.0.0.0/8) when " + "proxy-protocol is "
								+ listener.proxyProtocol().label() + ": anyone else could claim any address");
			}
		}
		SslProperties ssl = listener.ssl();
		if (ssl.enabled() && listener.protocol() == Protocol.UDP) {
			violations.add("ssl.bundle", "must not be set on a udp listener: TLS is for TCP (DTLS is not supported)");
		}
		if (!ssl.enabled() && ssl.clientAuth() != ClientAuth.NONE) {
			violations.add("ssl.bundle", "must name an SSL bundle when ssl.client-auth is "
					+ ssl.clientAuth().name().toLowerCase(Locale.ROOT));
		}
		return violations.none();
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

	private static void checkRanges(Violations violations, String property, List<String> ranges) {
		for (int i = 0; i < ranges.size(); i++) {
			if (!isCidr(ranges.get(i))) {
				violations.add(property + "[" + i + "]", "'" + ranges.get(i)
						+ "' is not a CIDR range such as 10.0.0.0/8, 192.0.2.7/32 or 2001:db8::/32");
			}
		}
	}

}
