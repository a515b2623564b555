package io.wharf.config;

import java.time.Duration;
import java.util.List;
import java.util.Set;

import io.wharf.config.framing.FramingProperties;
import io.wharf.config.tls.SslProperties;
import org.jspecify.annotations.Nullable;

import org.springframework.boot.context.properties.NestedConfigurationProperty;
import org.springframework.util.unit.DataSize;

/**
 * Settings every listener gets unless it sets its own ({@link ListenerDefaults} applies
 * them); each has the meaning it has on a listener. Unset ones leave Wharf's own
 * defaults.
 *
 * @param protocol Tcp or udp, for listeners that do not say.
 * @param service The service of listeners that do not name one.
 * @param bindAddress The address listeners bind; all interfaces when unset.
 * @param framing How TCP listeners cut messages from the stream (not given to UDP
 * listeners).
 * @param backlog Pending TCP connections the kernel queues before accept.
 * @param reuseAddress Whether TCP listeners set SO_REUSEADDR.
 * @param tcpNoDelay Whether Nagle's algorithm is off on TCP connections.
 * @param keepAlive Whether TCP keep-alive probes are sent on idle connections.
 * @param receiveBufferSize SO_RCVBUF of every listener.
 * @param sendBufferSize SO_SNDBUF of every listener.
 * @param idleTimeout How long a TCP connection may send nothing before it is closed; 0
 * for never.
 * @param frameTimeout How long a frame begun on a TCP connection may take to end; 0 for
 * never.
 * @param writeTimeout How long a TCP client may leave its replies untaken; 0 for never.
 * @param maxConnectionAge The age at which TCP connections are asked to reconnect; 0 for
 * never.
 * @param maxConnections The open TCP connections each listener accepts at most.
 * @param maxConnectionsPerClient The open TCP connections one client address may hold.
 * @param maxConnectionsPerPrefix The open TCP connections one network (/24 or /64) may
 * hold.
 * @param connectionRatePerClient The new TCP connections per second one address may open.
 * @param connectionBurstPerClient The new TCP connections one address may open at once.
 * @param allow CIDR ranges TCP clients must come from; anyone when empty.
 * @param deny CIDR ranges TCP clients must not come from.
 * @param proxyProtocol Whether TCP connections start with a PROXY protocol header: off,
 * on or optional.
 * @param trustedProxies CIDR ranges of the proxies whose PROXY headers are believed.
 * @param exemptClients CIDR ranges of addresses counted but never refused by the
 * per-client limits; empty to limit everyone.
 * @param clientLimits Enforce or observe the per-client limits.
 * @param datagramRate Datagrams per second one source may send a UDP listener.
 * @param datagramBurst Datagrams one source may send at once before the rate applies.
 * @param maxAmplification Reply bytes a UDP source may receive per byte it sent, on the
 * wire.
 * @param amplificationAllowance Reply bytes per minute a UDP source may receive beyond
 * max-amplification.
 * @param blockedSourcePorts UDP source ports never answered.
 * @param ssl TLS on TCP listeners: the SSL bundle, client certificates, the handshake
 * timeout.
 */
public record ListenerDefaultsProperties(@Nullable Protocol protocol, @Nullable String service,
		@Nullable String bindAddress, @NestedConfigurationProperty @Nullable FramingProperties framing,
		@Nullable Integer backlog, @Nullable Boolean reuseAddress, @Nullable Boolean tcpNoDelay,
		@Nullable Boolean keepAlive, @Nullable DataSize receiveBufferSize, @Nullable DataSize sendBufferSize,
		@Nullable Duration idleTimeout, @Nullable Duration frameTimeout, @Nullable Duration writeTimeout,
		@Nullable Duration maxConnectionAge, @Nullable Integer maxConnections,
		@Nullable Integer maxConnectionsPerClient, @Nullable Integer maxConnectionsPerPrefix,
		@Nullable Integer connectionRatePerClient, @Nullable Integer connectionBurstPerClient,
		@Nullable List<String> allow, @Nullable List<String> deny, @Nullable ProxyProtocol proxyProtocol,
		@Nullable List<String> trustedProxies, @Nullable List<String> exemptClients,
		@Nullable ClientLimits clientLimits, @Nullable Integer datagramRate, @Nullable Integer datagramBurst,
		@Nullable Double maxAmplification, @Nullable DataSize amplificationAllowance,
		@Nullable Set<Integer> blockedSourcePorts, @NestedConfigurationProperty @Nullable SslProperties ssl) {

}
