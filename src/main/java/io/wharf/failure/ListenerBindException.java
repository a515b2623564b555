package io.wharf.failure;

import java.io.IOException;

import io.wharf.config.Protocol;
import org.jspecify.annotations.Nullable;

/**
 * A listener's socket could not be bound at start-up, most often because the port is in
 * use.
 */
public class ListenerBindException extends RuntimeException {

	private final String listener;

	private final Protocol protocol;

	private final int port;

	private final @Nullable String bindAddress;

	public ListenerBindException(String listener, Protocol protocol, int port, @Nullable String bindAddress,
			IOException cause) {
		super("Listener '" + listener + "' could not bind " + protocol + " port " + port + " on "
				+ describe(bindAddress) + ": " + cause.getMessage(), cause);
		this.listener = listener;
		this.protocol = protocol;
		this.port = port;
		this.bindAddress = bindAddress;
	}

	static String describe(@Nullable String bindAddress) {
		return (bindAddress != null) ? bindAddress : "all interfaces";
	}

	public String getListener() {
		return this.listener;
	}

	public Protocol getProtocol() {
		return this.protocol;
	}

	public int getPort() {
		return this.port;
	}

	public @Nullable String getBindAddress() {
		return this.bindAddress;
	}

	/**
	 * Whether the cause is a port already bound by another socket.
	 * @return true for "address already in use"
	 */
	public boolean isPortInUse() {
		// Netty's native transport reports it as a plain IOException with the same words.
		return String.valueOf(getCause().getMessage()).toLowerCase(java.util.Locale.ROOT).contains("in use");
	}

}
