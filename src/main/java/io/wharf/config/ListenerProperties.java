package io.wharf.config;

import java.time.Duration;
import java.util.List;
import java.util.Set;

import io.wharf.config.framing.FramingProperties;
import io.wharf.config.tls.ClientAuth;
import io.wharf.config.tls.SslProperties;
import org.jspecify.annotations.Nullable;

import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.util.unit.DataSize;

/**
 * One listener: a socket bound to a port whose traffic goes to a service.
 *
 * @param enabled Whether the listener is started; false removes a default listener.
 * @param protocol Tcp or udp.
 * @param port Port to bind, 0 for an ephemeral one.
 * @param bindAddress Address to bind; all interfaces (IPv4 and IPv6) when unset.
 * @param service The bean name of the service that answers: greeting, echo or one of the
 * application's own.
 * @param framing How messages are cut from a TCP stream; raw when unset (TCP only).
 * @param backlog Pending connections the kernel queues before accept (TCP).
 * @param reuseAddress Whether SO_REUSEADDR is set, so a restart can rebind at once (TCP;
 * never set on UDP, where it would let a second process share the port).
 * @param tcpNoDelay Whether Nagle's algorithm is off (TCP).
 * @param keepAlive Whether TCP keep-alive probes are sent on idle connections.
 * @param receiveBufferSize SO_RCVBUF; the operating system default when unset.
 * @param sendBufferSize SO_SNDBUF; the operating system default when unset.
 * @param idleTimeout A TCP connection that sends nothing this long is closed; 0 for
 * never.
 * @param frameTimeout A frame begun on a TCP connection must end within this long, or the
 * connection is closed, so a client trickling bytes cannot hold it forever; 0 for never.
 * @param writeTimeout A TCP client that does not take its replies for this long is
 * closed, and no close waits longer than this for its last replies to leave; 0 for never.
 * @param maxConnectionAge A TCP connection open this long (less up to a tenth, at random,
 * so that clients do not all return at once) is closed, on line framing after a line
 * asking the client to reconnect, so long-lived clients spread across restarted or added
 * servers; 0 for never.
 * @param maxConnections Open TCP connections accepted at most; more are closed at once.
 * @param maxConnectionsPerClient Open TCP connections one client address may hold; 0 for
 * no limit.
 * @param maxConnectionsPerPrefix Open TCP connections one network may hold (IPv4 /24,
 * IPv6 /64); 0 for no limit.
 * @param connectionRatePerClient New TCP connections per second one client address may
 * open; 0 for no limit.
 * @param connectionBurstPerClient New TCP connections one client address may open at once
 * before connection-rate-per-client applies.
 * @param allow CIDR ranges (such as 10.0.0.0/8 or 2001:db8::/32) TCP clients must come
 * from; anyone when empty.
 * @param deny CIDR ranges TCP clients must not come from, even when allowed.
 * @param proxyProtocol Whether TCP connections start with a PROXY protocol header (v1 or
 * v2) naming the real client: off, on or optional.
 * @param trustedProxies CIDR ranges of the proxies whose PROXY headers are believed; a
 * header from anyone else is refused.
 * @param exemptClients CIDR ranges of addresses that stand for many clients (a node, a
 * NAT, a sidecar, a load generator on loopback): counted, but never refused by the
 * per-client limits (connections per address and per network, the connection rate, the
 * datagram rate, the amplification budget). Loopback, the private ranges, carrier-grade
 * NAT, link-local and IPv6 unique local addresses by default; empty to limit everyone.
 * @param clientLimits Enforce (the default) or observe: observe refuses nothing for the
 * per-client limits but counts and logs what would have been refused, to size them first.
 * @param datagramRate Datagrams per second one source address may send (UDP); more are
 * dropped; 0 for no limit.
 * @param datagramBurst Datagrams one source address may send at once before datagram-rate
 * applies (UDP).
 * @param maxAmplification Reply bytes a source may receive per byte it sent (UDP), both
 * counted as the network carries them (IP and UDP headers included), so a spoofed
 * datagram cannot turn the listener into an amplifier; 3 as QUIC allows before a client
 * is validated (RFC 9000, 8.1).
 * @param amplificationAllowance Reply bytes per minute a source may receive beyond
 * max-amplification (UDP), so a rare long answer still goes out.
 * @param blockedSourcePorts Source ports never answered (UDP): well-known services such
 * as echo (7) or chargen (19) that would answer back and start a loop; port 0 and Wharf's
 * own listener ports are never answered either.
 * @param ssl TLS on a TCP listener: the Spring Boot SSL bundle, client certificates and
 * the handshake timeout; plaintext when unset.
 */
public record ListenerProperties(@DefaultValue("true") boolean enabled, @Nullable Protocol protocol,
		@Nullable Integer port, @Nullable String bindAddress, @Nullable String service,
		@Nullable FramingProperties framing, @DefaultValue("1024") int backlog,
		@DefaultValue("true") boolean reuseAddress, @DefaultValue("true") boolean tcpNoDelay,
		@DefaultValue("false") boolean keepAlive, @Nullable DataSize receiveBufferSize,
		@Nullable DataSize sendBufferSize, @DefaultValue("5m") Duration idleTimeout,
		@DefaultValue("30s") Duration frameTimeout, @DefaultValue("30s") Duration writeTimeout,
		@DefaultValue("0s") Duration maxConnectionAge, @DefaultValue("10000") int maxConnections,
		@DefaultValue("1000") int maxConnectionsPerClient, @DefaultValue("2500") int maxConnectionsPerPrefix,
		@DefaultValue("100") int connectionRatePerClient, @DefaultValue("200") int connectionBurstPerClient,
		@DefaultValue List<String> allow, @DefaultValue List<String> deny,
		@DefaultValue("off") ProxyProtocol proxyProtocol, @DefaultValue List<String> trustedProxies, @DefaultValue( {
				"127.0.0.0/8", "10.0.0.0/8", "172.16.0.0/12", "192.168.0.0/16", "100.64.0.0/10", "169.254.0.0/16",
				"::1/128", "fc00::/7", "fe80::/10" }) List<String> exemptClients,
		@DefaultValue("enforce") ClientLimits clientLimits, @DefaultValue("1000") int datagramRate,
		@DefaultValue("2000") int datagramBurst, @DefaultValue("3.0") double maxAmplification,
		@DefaultValue("1KB") DataSize amplificationAllowance, @DefaultValue({ "7", "13", "17", "19", "37", "53", "111",
				"123", "137", "161", "389", "1900", "5353", "11211" }) Set<Integer> blockedSourcePorts,
		@Nullable SslProperties ssl){

	private static final SslProperties PLAINTEXT = new SslProperties(null, ClientAuth.NONE, Duration.ofSeconds(10));

	/**
	 * How messages are cut from a TCP stream.
	 * @return the configured framing, or raw framing when none is configured
	 */
	@Override
	public FramingProperties framing() {
		return (this.framing != null) ? this.framing : FramingProperties.DEFAULT;
	}

	/**
	 * TLS on the listener.
	 * @return the configured TLS settings, or none (plaintext)
	 */
	@Override
	public SslProperties ssl() {
		return (this.ssl != null) ? this.ssl : PLAINTEXT;
	}

	/**
	 * Whether framing was configured at all, which a UDP listener must not do.
	 * @return true when a {@code framing} block is set
	 */
	boolean framingConfigured() {
		return this.framing != null;
	}

	/**
	 * The protocol, known to be set once the properties are validated.
	 * @return the protocol
	 */
	public Protocol requiredProtocol() {
		return required(this.protocol, "protocol");
	}

	/**
	 * The port, known to be set once the properties are validated.
	 * @return the configured port, 0 for ephemeral
	 */
	public int requiredPort() {
		return required(this.port, "port");
	}

	/**
	 * The service, known to be set once the properties are validated.
	 * @return the service
	 */
	public String requiredService() {
		return required(this.service, "service");
	}

	private static <T> T required(@Nullable T value, String name) {
		if (value == null) {
			throw new IllegalStateException("listener property '" + name + "' is not set");
		}
		return value;
	}

	/** Short, so that a validation failure does not print every setting. */
	@Override
	public String toString() {
		return this.protocol + " port " + this.port + " (" + this.service + ")";
	}

}
