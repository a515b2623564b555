package io.wharf.transport.tcp.tls;

import java.util.Locale;

import io.netty.handler.ssl.OpenSsl;
import io.netty.handler.ssl.SslProvider;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Which TLS implementation every TLS listener uses: OpenSSL (BoringSSL, from
 * netty-tcnative) where its native library loads, the JDK's otherwise, or the one
 * {@code wharf.tls.provider} names.
 *
 * @param provider Netty's provider
 * @param description what {@code /actuator/info} and the start-up line say, such as
 * {@code OpenSSL (BoringSSL)}
 */
public record TlsProvider(SslProvider provider, String description) {

	private static final Logger logger = LoggerFactory.getLogger(TlsProvider.class);

	/**
	 * The provider to use.
	 * @param choice {@code auto}, {@code openssl} or {@code jdk}
	 * @return the provider
	 * @throws IllegalStateException when {@code openssl} is asked for but cannot load
	 */
	public static TlsProvider choose(String choice) {
		String word = choice.strip().toLowerCase(Locale.ROOT);
		if (word.equals("jdk")) {
			return jdk("as wharf.tls.provider says");
		}
		if (OpenSsl.isAvailable()) {
			return new TlsProvider(SslProvider.OPENSSL, OpenSsl.versionString());
		}
		String why = String.valueOf(OpenSsl.unavailabilityCause());
		if (word.equals("openssl")) {
			throw new IllegalStateException("wharf.tls.provider is openssl, but OpenSSL (netty-tcnative) did not load: "
					+ why + "; set it to auto or jdk to use the JDK's TLS");
		}
		return jdk("OpenSSL (netty-tcnative) did not load: " + why);
	}

	private static TlsProvider jdk(String why) {
		return new TlsProvider(SslProvider.JDK, "JDK " + System.getProperty("java.version") + " (" + why + ")");
	}

	/** Says which provider serves TLS, once, when the first TLS listener starts. */
	public void announce() {
		logger.info("TLS listeners use {}", this.description);
	}

}
