package io.wharf.transport;

import java.util.List;
import java.util.Map;

import org.springframework.integration.dsl.IntegrationFlow;

/**
 * A listener whose socket is bound, with the flows that serve it once registered.
 *
 * @param name the listener name
 * @param properties the listener configuration
 * @param localPort the port actually bound (differs from the configured one for port 0)
 * @param flows the flows to register; the first owns the socket
 * @param beans components the flows use that must be registered as beans with the first
 * flow
 * @param release closes the socket if the flows are never registered
 * @param sessions the open TCP sessions by id (empty for UDP)
 * @param stopAccepting closes the listening socket, leaving open sessions be (no-op for
 * UDP)
 */
public record BoundListener(String name, ListenerProperties properties, int localPort, List<IntegrationFlow> flows,
		Map<String, Object> beans, Runnable release, Map<String, OpenSession> sessions, Runnable stopAccepting) {

	/**
	 * A summary for logs.
	 * @return e.g. {@code tcp port 6000 (greeting, raw framing)}
	 */
	public String describe() {
		String framing = (properties().requiredProtocol() == Protocol.TCP) ? ", "
				+ properties().framing().type().name().toLowerCase(java.util.Locale.ROOT).replace('_', '-') + " framing"
				: "";
		return properties().requiredProtocol().label() + " port " + this.localPort + " ("
				+ properties().requiredService().name().toLowerCase(java.util.Locale.ROOT) + framing + ")";
	}

}
