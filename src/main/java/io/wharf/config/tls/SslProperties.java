package io.wharf.config.tls;

import java.time.Duration;

import org.jspecify.annotations.Nullable;

import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * TLS on one TCP listener.
 *
 * @param bundle The name of a Spring Boot SSL bundle (spring.ssl.bundle.pem.<name> or
 * spring.ssl.bundle.jks.<name>) holding the listener's key and certificate, the trust
 * store for client certificates, and in its options the protocols and ciphers (TLS 1.3
 * and 1.2 when it names none).
 * @param clientAuth Whether clients must show a certificate: none, want or need.
 * @param handshakeTimeout A client that has not completed its handshake this long after
 * connecting is closed.
 */
public record SslProperties(@Nullable String bundle, @DefaultValue("none") ClientAuth clientAuth,
		@DefaultValue("10s") Duration handshakeTimeout) {

	/**
	 * Whether TLS is on.
	 * @return true when a bundle is named
	 */
	public boolean enabled() {
		return this.bundle != null && !this.bundle.isBlank();
	}

}
