package io.wharf.transport.tcp;

import io.wharf.observe.ListenerMetrics;
import io.wharf.transport.tcp.connection.Deadlines;
import io.wharf.transport.tcp.connection.SessionLog;
import io.wharf.transport.tcp.framing.Framing;
import io.wharf.transport.tcp.proxy.ProxyPolicy;
import io.wharf.transport.tcp.tls.ListenerTls;
import org.jspecify.annotations.Nullable;

/**
 * The parts of one TCP listener that its sessions use, each with its own role.
 *
 * @param name the listener's name
 * @param sessions admission and the open sessions
 * @param log the sessions' log lines
 * @param messages builds the messages sent to the service
 * @param metrics the listener's meters
 * @param deadlines the sessions' time limits
 * @param framing the listener's framing
 * @param proxy the listener's PROXY protocol setting
 * @param tls the listener's TLS, or null on a plaintext listener
 */
record ListenerContext(String name, Sessions sessions, SessionLog log, InboundMessages messages,
		ListenerMetrics metrics, Deadlines deadlines, Framing framing, ProxyPolicy proxy, @Nullable ListenerTls tls) {

}
