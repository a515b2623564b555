package io.wharf.transport.tcp;

import io.wharf.conversation.SessionObserver;
import io.wharf.observe.ListenerMetrics;
import io.wharf.transport.SessionIds;
import io.wharf.transport.tcp.connection.ConnectionLog;
import io.wharf.transport.tcp.connection.DeadlineSweep;
import io.wharf.transport.tcp.connection.Deadlines;
import io.wharf.transport.tcp.framing.Framing;
import io.wharf.transport.tcp.proxy.ProxyPolicy;
import io.wharf.transport.tcp.tls.ListenerTls;
import org.jspecify.annotations.Nullable;

/**
 * What one TCP listener's connections share, each part with its own role.
 *
 * @param name the listener's name
 * @param log the connections' log lines
 * @param messages builds the messages sent to the service
 * @param metrics the listener's meters
 * @param sweep keeps the sessions' time limits, which may change while the listener runs
 * @param framing the listener's framing
 * @param proxy the listener's PROXY protocol setting
 * @param tls the listener's TLS, or null on a plaintext listener
 * @param ids names its sessions
 * @param observer told of every session's life (the cluster's directory)
 */
record ListenerContext(String name, ConnectionLog log, InboundMessages messages, ListenerMetrics metrics,
		DeadlineSweep sweep, Framing framing, ProxyPolicy proxy, @Nullable ListenerTls tls, SessionIds ids,
		SessionObserver observer) {

	/**
	 * The sessions' time limits in force.
	 * @return the limits
	 */
	Deadlines deadlines() {
		return this.sweep.deadlines();
	}

}
