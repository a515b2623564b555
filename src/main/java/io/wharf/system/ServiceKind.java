package io.wharf.system;

import java.util.Locale;

/**
 * The services a listener can route its traffic to, each reached through its own channel.
 */
public enum ServiceKind {

	/** The greeting conversation. */
	GREETING("greeting.requests", true),

	/** RFC 862 echo. */
	ECHO("echo.requests", false);

	private final String requestChannel;

	private final boolean speaksText;

	ServiceKind(String requestChannel, boolean speaksText) {
		this.requestChannel = requestChannel;
		this.speaksText = speaksText;
	}

	/**
	 * Name of the channel on which the service receives messages from every transport.
	 * @return the channel bean name
	 */
	public String requestChannel() {
		return this.requestChannel;
	}

	/**
	 * Whether the service's clients print what they receive, so that a one-line error
	 * before a close reaches a person whatever the framing.
	 * @return true for text conversations
	 */
	public boolean speaksText() {
		return this.speaksText;
	}

	/**
	 * The name as configuration spells it.
	 * @return e.g. {@code greeting}
	 */
	public String label() {
		return name().toLowerCase(Locale.ROOT);
	}

}
