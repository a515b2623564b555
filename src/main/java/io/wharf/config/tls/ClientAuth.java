package io.wharf.config.tls;

/**
 * Whether a TLS listener asks its clients for a certificate.
 */
public enum ClientAuth {

	/** No client certificate is asked for. */
	NONE,

	/** A client certificate is asked for; a client without one is served too. */
	WANT,

	/** A client without a certificate trusted by the bundle's trust store is refused. */
	NEED

}
