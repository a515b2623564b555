package io.wharf.transport.tcp.connection;

import io.micrometer.observation.Observation;
import io.wharf.transport.tcp.tls.TlsDetails;
import org.jspecify.annotations.Nullable;

/**
 * A connection as its log lines name it.
 */
public interface LoggedConnection {

	/**
	 * The connection's id.
	 * @return such as {@code 8889-2f}
	 */
	String getConnectionId();

	/**
	 * The client's address.
	 * @return the address, as text
	 */
	String getHostAddress();

	/**
	 * The client's port.
	 * @return the port
	 */
	int getPort();

	/**
	 * What TLS negotiated.
	 * @return the details, or null on a plaintext listener
	 */
	@Nullable TlsDetails tls();

	/**
	 * The scope a line about the connection is written in, so that it carries the trace
	 * and span ids of its session when sessions are traced.
	 * @return the scope to close after the line
	 */
	default Observation.Scope traceScope() {
		return Observation.Scope.NOOP;
	}

}
