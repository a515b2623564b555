package io.wharf.transport.tcp.tls;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.security.PrivateKey;
import java.security.Signature;
import java.security.cert.X509Certificate;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;

import io.wharf.failure.ListenerTlsException;
import org.jspecify.annotations.Nullable;

import org.springframework.boot.ssl.SslBundle;

/**
 * An SSL bundle's private key and certificate chain, read from its key store (the alias
 * it names, or its first key) and checked against each other: the key must sign what the
 * certificate's public key verifies.
 *
 * @param key the private key
 * @param chain the certificate chain, the listener's certificate first
 */
record BundleKey(PrivateKey key, X509Certificate[] chain) {

	/** The bundle's private key and certificate chain, checked against each other. */
	static BundleKey of(SslBundle bundle, String name, Problems problem) {
		KeyStore store;
		try {
			store = bundle.getStores().getKeyStore();
		}
		catch (RuntimeException ex) {
			// Boot reads the files when the key store is first asked for.
			throw problem.of("its certificate or private key cannot be read: " + ex.getMessage(),
					"Check spring.ssl.bundle.pem." + name + ".keystore.certificate and .private-key (PEM files "
							+ "the process can read), or the jks key store's location, type and password",
					ex);
		}
		if (store == null) {
			throw problem.of("it has no key store",
					"Set spring.ssl.bundle.pem." + name + ".keystore.certificate and .private-key (or a jks key store)",
					null);
		}
		try {
			String alias = alias(store, bundle.getKey().getAlias());
			String password = (bundle.getKey().getPassword() != null) ? bundle.getKey().getPassword()
					: bundle.getStores().getKeyStorePassword();
			PrivateKey key = (PrivateKey) store.getKey(alias,
					(password != null) ? password.toCharArray() : new char[0]);
			X509Certificate certificate = (X509Certificate) store.getCertificate(alias);
			if (key == null || certificate == null) {
				throw problem.of("its key store has no private key with a certificate",
						"Set both the certificate and the private key of the bundle", null);
			}
			if (!matches(key, certificate)) {
				throw problem.of(
						"its certificate (" + certificate.getSubjectX500Principal().getName()
								+ ") does not match its private key",
						"Point spring.ssl.bundle.*." + name + " at the key the certificate was issued for", null);
			}
			java.security.cert.Certificate[] chain = store.getCertificateChain(alias);
			X509Certificate[] certificates = (chain != null)
					? Arrays.stream(chain).map(X509Certificate.class::cast).toArray(X509Certificate[]::new)
					: new X509Certificate[] { certificate };
			return new BundleKey(key, certificates);
		}
		catch (GeneralSecurityException ex) {
			throw problem.of("its private key cannot be read: " + ex.getMessage(),
					"Check the key's password (spring.ssl.bundle.*." + name + ".key.password) and format", ex);
		}
	}

	private static String alias(KeyStore store, @Nullable String configured) throws GeneralSecurityException {
		if (configured != null) {
			return configured;
		}
		List<String> aliases = Collections.list(store.aliases());
		for (String alias : aliases) {
			if (store.isKeyEntry(alias)) {
				return alias;
			}
		}
		return aliases.isEmpty() ? "" : aliases.get(0);
	}

	/** Whether the key signs what the certificate's public key verifies. */
	private static boolean matches(PrivateKey key, X509Certificate certificate) throws GeneralSecurityException {
		String algorithm = switch (key.getAlgorithm()) {
			case "RSA" -> "SHA256withRSA";
			case "EC" -> "SHA256withECDSA";
			case "Ed25519", "EdDSA" -> "Ed25519";
			case "Ed448" -> "Ed448";
			default -> null;
		};
		if (algorithm == null) {
			return true;
		}
		byte[] probe = "wharf".getBytes(StandardCharsets.US_ASCII);
		Signature signer = Signature.getInstance(algorithm);
		signer.initSign(key);
		signer.update(probe);
		byte[] signature = signer.sign();
		Signature verifier = Signature.getInstance(algorithm);
		verifier.initVerify(certificate.getPublicKey());
		verifier.update(probe);
		return verifier.verify(signature);
	}

	/** Makes the start-up failure for a bundle that cannot be used. */
	@FunctionalInterface
	interface Problems {

		ListenerTlsException of(String problem, String action, @Nullable Throwable cause);

	}

}
