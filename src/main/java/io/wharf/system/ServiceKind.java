package io.wharf.system;

/**
 * The services a listener can route its traffic to, each reached through its own channel.
 */
public enum ServiceKind {

	/** The greeting conversation. */
	GREETING("greeting.requests"),

	/** RFC 862 echo. */
	ECHO("echo.requests");

	private final String requestChannel;

	ServiceKind(String requestChannel) {
		this.requestChannel = requestChannel;
	}

	/**
	 * Name of the channel on which the service receives messages from every transport.
	 * @return the channel bean name
	 */
	public String requestChannel() {
		return this.requestChannel;
	}

}
