package io.wharf.observe.tracing;

import java.net.InetSocketAddress;

import io.micrometer.observation.Observation;

/**
 * What every observation of a listener knows: the listener, its service and protocol, and
 * the client.
 */
public abstract class ListenerObservationContext extends Observation.Context {

	private final ListenerTraces listener;

	private final InetSocketAddress client;

	ListenerObservationContext(ListenerTraces listener, InetSocketAddress client) {
		this.listener = listener;
		this.client = client;
	}

	ListenerTraces traces() {
		return this.listener;
	}

	public String listener() {
		return this.listener.listener();
	}

	public String service() {
		return this.listener.service();
	}

	/**
	 * The protocol.
	 * @return {@code tcp} or {@code udp}
	 */
	public String protocol() {
		return this.listener.protocol();
	}

	public InetSocketAddress client() {
		return this.client;
	}

}
