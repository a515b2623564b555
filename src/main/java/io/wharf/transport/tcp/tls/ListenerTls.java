package io.wharf.transport.tcp.tls;

import java.security.cert.X509Certificate;
import java.util.Arrays;
import javax.net.ssl.SSLException;

import io.netty.channel.Channel;
import io.netty.handler.ssl.SslContext;
import io.netty.handler.ssl.SslContextBuilder;
import io.netty.handler.ssl.SslHandler;
import io.wharf.config.tls.ClientAuth;
import io.wharf.config.tls.SslProperties;
import io.wharf.failure.ListenerTlsException;
import io.wharf.observe.ListenerMetrics;
import io.wharf.observe.LogThrottle;
import io.wharf.observe.TlsMeters;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.boot.ssl.NoSuchSslBundleException;
import org.springframework.boot.ssl.SslBundle;
import org.springframework.boot.ssl.SslBundles;
import org.springframework.boot.ssl.SslOptions;

/**
 * TLS on one TCP listener: a Netty {@link SslContext} made from the listener's Spring
 * Boot SSL bundle, checked at start-up (the bundle exists, its key matches its
 * certificate, client certificates have a trust store), and made again whenever Boot
 * reloads the bundle (its {@code reload-on-update}): new connections get the new
 * certificate, open sessions keep theirs.
 */
public final class ListenerTls {

	private static final Logger logger = LoggerFactory.getLogger(ListenerTls.class);

	/** TLS 1.3 and 1.2, unless the bundle's options name others. */
	private static final String[] PROTOCOLS = { "TLSv1.3", "TLSv1.2" };

	private final String listener;

	private final String bundle;

	private final SslProperties properties;

	private final TlsProvider provider;

	private final TlsMeters meters;

	private final LogThrottle throttle = new LogThrottle();

	private volatile Material material;

	private ListenerTls(String listener, SslProperties properties, TlsProvider provider, SslBundle bundle,
			ListenerMetrics metrics) {
		this.listener = listener;
		this.bundle = String.valueOf(properties.bundle());
		this.properties = properties;
		this.provider = provider;
		this.material = load(bundle);
		this.meters = metrics.tls(() -> this.material.certificate().getNotAfter().getTime() / 1000.0);
	}

	/**
	 * TLS for a listener, from its bundle.
	 * @param listener the listener's name
	 * @param properties its TLS settings, with a bundle named
	 * @param bundles Spring Boot's SSL bundles
	 * @param provider the TLS implementation
	 * @param metrics the listener's meters
	 * @return the listener's TLS
	 * @throws ListenerTlsException when the bundle cannot be used
	 */
	public static ListenerTls of(String listener, SslProperties properties, SslBundles bundles, TlsProvider provider,
			ListenerMetrics metrics) {
		String name = String.valueOf(properties.bundle());
		try {
			ListenerTls tls = new ListenerTls(listener, properties, provider, bundles.getBundle(name), metrics);
			bundles.addBundleUpdateHandler(name, tls::reload);
			logger.info("Listener '{}' serves TLS with SSL bundle '{}': {}", listener, name,
					describe(tls.material.certificate()));
			return tls;
		}
		catch (NoSuchSslBundleException ex) {
			throw new ListenerTlsException(listener, name, "there is no SSL bundle of that name",
					"Define it under spring.ssl.bundle.pem." + name + " (certificate and private key files) or "
							+ "spring.ssl.bundle.jks." + name + " (a key store), or name one of the bundles: "
							+ bundles.getBundleNames(),
					ex);
		}
	}

	/**
	 * A TLS handler for a new connection, with the current certificate.
	 * @param channel the connection
	 * @return the handler, which closes the connection if its handshake takes longer than
	 * {@code ssl.handshake-timeout}
	 */
	public SslHandler newHandler(Channel channel) {
		SslHandler handler = this.material.context().newHandler(channel.alloc());
		handler.setHandshakeTimeoutMillis(this.properties.handshakeTimeout().toMillis());
		return handler;
	}

	/**
	 * Whether clients are asked for certificates.
	 * @return true with ssl.client-auth want or need
	 */
	public boolean asksClientCertificates() {
		return this.properties.clientAuth() != ClientAuth.NONE;
	}

	TlsMeters meters() {
		return this.meters;
	}

	LogThrottle throttle() {
		return this.throttle;
	}

	String listener() {
		return this.listener;
	}

	private void reload(SslBundle updated) {
		try {
			this.material = load(updated);
			logger.info("Listener '{}' reloaded SSL bundle '{}': new connections get {}", this.listener, this.bundle,
					describe(this.material.certificate()));
		}
		catch (ListenerTlsException ex) {
			logger.error("Listener '{}' keeps its certificate: the updated SSL bundle '{}' cannot be used: {}",
					this.listener, this.bundle, ex.getMessage());
		}
	}

	private Material load(SslBundle bundle) {
		BundleKey entry = BundleKey.of(bundle, this.bundle, this::problem);
		// The key and chain themselves rather than the bundle's key manager: OpenSSL then
		// loads them once, instead of asking a Java key manager during every handshake.
		SslContextBuilder builder = SslContextBuilder.forServer(entry.key(), entry.chain())
			.sslProvider(this.provider.provider());
		SslOptions options = bundle.getOptions();
		builder.protocols((options.getEnabledProtocols() != null) ? options.getEnabledProtocols() : PROTOCOLS);
		if (options.getCiphers() != null) {
			builder.ciphers(Arrays.asList(options.getCiphers()));
		}
		if (this.properties.clientAuth() != ClientAuth.NONE) {
			if (bundle.getStores().getTrustStore() == null) {
				throw problem(
						"ssl.client-auth is " + this.properties.clientAuth().name().toLowerCase(java.util.Locale.ROOT)
								+ " but the bundle has no trust store to check client certificates with",
						"Add the clients' CA to the bundle (spring.ssl.bundle.pem." + this.bundle
								+ ".truststore.certificate), or set ssl.client-auth to none");
			}
			builder.trustManager(bundle.getManagers().getTrustManagerFactory())
				.clientAuth((this.properties.clientAuth() == ClientAuth.NEED) ? io.netty.handler.ssl.ClientAuth.REQUIRE
						: io.netty.handler.ssl.ClientAuth.OPTIONAL);
		}
		try {
			return new Material(builder.build(), entry.chain()[0]);
		}
		catch (SSLException | RuntimeException ex) {
			throw problem("its key and certificate cannot be used: " + ex.getMessage(),
					"Check the bundle's key, certificate and options (protocols and ciphers)", ex);
		}
	}

	private ListenerTlsException problem(String problem, String action) {
		return new ListenerTlsException(this.listener, this.bundle, problem, action);
	}

	private ListenerTlsException problem(String problem, String action, @Nullable Throwable cause) {
		return new ListenerTlsException(this.listener, this.bundle, problem, action, cause);
	}

	private static String describe(X509Certificate certificate) {
		return "certificate " + certificate.getSubjectX500Principal().getName() + ", serial "
				+ certificate.getSerialNumber().toString(16) + ", valid until " + certificate.getNotAfter().toInstant();
	}

	private record Material(SslContext context, X509Certificate certificate) {

	}

}
