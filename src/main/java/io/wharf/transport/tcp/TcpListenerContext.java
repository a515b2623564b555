package io.wharf.transport.tcp;

import java.time.Duration;

import io.wharf.system.ServiceKind;
import io.wharf.transport.ListenerProperties;

/**
 * What every connection of one TCP listener shares.
 *
 * @param name the listener name
 * @param properties the listener configuration
 * @param codec the listener's framing
 */
record TcpListenerContext(String name, ListenerProperties properties, FrameCodec codec) {

	/**
	 * Whether a client of this listener can read a one-line error: text framings and the
	 * greeting, whose clients print what they receive.
	 * @return true to send error lines before closing
	 */
	boolean errorsAsText() {
		return this.codec.carriesText() || this.properties.requiredService() == ServiceKind.GREETING;
	}

	Duration idleTimeout() {
		return this.properties.idleTimeout();
	}

	String property(String suffix) {
		return "wharf.listeners." + this.name + "." + suffix;
	}

}
