package io.wharf.failure;

import org.jspecify.annotations.Nullable;

/**
 * A TLS listener whose SSL bundle cannot be used: unknown, unreadable, a certificate that
 * does not match its key, or client certificates asked for without a trust store.
 */
public class ListenerTlsException extends IllegalStateException {

	private final String listener;

	private final String bundle;

	private final String action;

	public ListenerTlsException(String listener, String bundle, String problem, String action,
			@Nullable Throwable cause) {
		super("Listener '" + listener + "' cannot serve TLS with SSL bundle '" + bundle + "' (wharf.listeners."
				+ listener + ".ssl.bundle): " + problem, cause);
		this.listener = listener;
		this.bundle = bundle;
		this.action = action;
	}

	public ListenerTlsException(String listener, String bundle, String problem, String action) {
		this(listener, bundle, problem, action, null);
	}

	/**
	 * The listener's name.
	 * @return the listener
	 */
	public String listener() {
		return this.listener;
	}

	/**
	 * The bundle's name.
	 * @return the bundle
	 */
	public String bundle() {
		return this.bundle;
	}

	/**
	 * What to do about it.
	 * @return the advice, naming the property to fix
	 */
	public String action() {
		return this.action;
	}

}
