package io.wharf;

import java.io.IOException;
import java.io.Writer;
import java.math.BigInteger;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.KeyStore;
import java.security.Principal;
import java.security.PrivateKey;
import java.security.SecureRandom;
import java.security.cert.X509Certificate;
import java.security.spec.ECGenParameterSpec;
import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import java.util.concurrent.atomic.AtomicLong;
import javax.net.ssl.KeyManager;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLEngine;
import javax.net.ssl.TrustManagerFactory;
import javax.net.ssl.X509ExtendedKeyManager;

import org.bouncycastle.asn1.x500.X500Name;
import org.bouncycastle.asn1.x509.BasicConstraints;
import org.bouncycastle.asn1.x509.ExtendedKeyUsage;
import org.bouncycastle.asn1.x509.Extension;
import org.bouncycastle.asn1.x509.GeneralName;
import org.bouncycastle.asn1.x509.GeneralNames;
import org.bouncycastle.asn1.x509.KeyPurposeId;
import org.bouncycastle.asn1.x509.KeyUsage;
import org.bouncycastle.cert.X509v3CertificateBuilder;
import org.bouncycastle.cert.jcajce.JcaX509CertificateConverter;
import org.bouncycastle.cert.jcajce.JcaX509v3CertificateBuilder;
import org.bouncycastle.openssl.jcajce.JcaPEMWriter;
import org.bouncycastle.openssl.jcajce.JcaPKCS8Generator;
import org.bouncycastle.operator.jcajce.JcaContentSignerBuilder;
import org.jspecify.annotations.Nullable;

/**
 * Certificates made at test time (no private key is committed): certificate authorities,
 * server certificates for localhost, client certificates, expired ones, each with a
 * serial number of its own, written as the PEM files a Spring Boot SSL bundle, openssl
 * and Python read.
 */
public final class TestCertificates {

	private static final AtomicLong serials = new AtomicLong(System.currentTimeMillis());

	private TestCertificates() {
	}

	/**
	 * A key and the certificate issued for it.
	 *
	 * @param keys the key pair
	 * @param certificate the certificate
	 */
	public record Issued(KeyPair keys, X509Certificate certificate) {

		/**
		 * The serial number.
		 * @return the certificate's serial
		 */
		public BigInteger serial() {
			return this.certificate.getSerialNumber();
		}

		/**
		 * Writes the certificate and the private key as PEM files, each replaced in one
		 * move so that a watcher never reads half a file.
		 * @param certificateFile where the certificate goes
		 * @param keyFile where the private key goes (PKCS#8)
		 * @return this
		 */
		public Issued write(Path certificateFile, Path keyFile) {
			writePem(certificateFile, this.certificate);
			try {
				writePem(keyFile, new JcaPKCS8Generator(this.keys.getPrivate(), null).generate());
			}
			catch (IOException ex) {
				throw new IllegalStateException(ex);
			}
			return this;
		}

		/**
		 * An SSL context for a client that trusts an authority and shows this
		 * certificate.
		 * @param trusted the server's authority
		 * @return the context
		 */
		public SSLContext clientContext(Issued trusted) {
			return TestCertificates.clientContext(trusted, this);
		}

	}

	/**
	 * A certificate authority.
	 * @param name its common name
	 * @return the authority, self-signed, valid for a day
	 */
	public static Issued authority(String name) {
		KeyPair keys = keys();
		return new Issued(keys, sign(name, keys, null, Instant.now().minus(Duration.ofHours(1)),
				Instant.now().plus(Duration.ofDays(1)), Kind.AUTHORITY));
	}

	/**
	 * A server certificate for localhost and 127.0.0.1.
	 * @param authority the issuer
	 * @param validFor how long it is valid from an hour ago
	 * @return the certificate
	 */
	public static Issued server(Issued authority, Duration validFor) {
		KeyPair keys = keys();
		Instant start = Instant.now().minus(Duration.ofHours(1));
		return new Issued(keys, sign("localhost", keys, authority, start, start.plus(validFor), Kind.SERVER));
	}

	/**
	 * A client certificate.
	 * @param authority the issuer
	 * @param name the common name
	 * @param notBefore the start of validity
	 * @param notAfter the end of validity
	 * @return the certificate
	 */
	public static Issued client(Issued authority, String name, Instant notBefore, Instant notAfter) {
		KeyPair keys = keys();
		return new Issued(keys, sign(name, keys, authority, notBefore, notAfter, Kind.CLIENT));
	}

	/**
	 * Writes a certificate (or anything else BouncyCastle writes as PEM) to a file.
	 * @param file the file, replaced in one move
	 * @param object what to write
	 */
	public static void writePem(Path file, Object object) {
		try {
			Path partial = file.resolveSibling(file.getFileName() + ".partial");
			try (Writer out = Files.newBufferedWriter(partial, StandardCharsets.US_ASCII);
					JcaPEMWriter pem = new JcaPEMWriter(out)) {
				pem.writeObject(object);
			}
			Files.move(partial, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
		}
		catch (IOException ex) {
			throw new IllegalStateException(ex);
		}
	}

	/**
	 * An SSL context for a client.
	 * @param trusted the authority the client trusts
	 * @param shown the certificate the client shows, or null for none
	 * @return the context
	 */
	public static SSLContext clientContext(Issued trusted, @Nullable Issued shown) {
		try {
			KeyStore trust = KeyStore.getInstance("PKCS12");
			trust.load(null, null);
			trust.setCertificateEntry("ca", trusted.certificate());
			TrustManagerFactory trustManagers = TrustManagerFactory
				.getInstance(TrustManagerFactory.getDefaultAlgorithm());
			trustManagers.init(trust);
			// Shows its certificate whatever the server asks for: expired, or from a CA
			// the server does not name, so that the server is the one that refuses.
			KeyManager[] keyManagers = (shown != null) ? new KeyManager[] { new Shows(shown) } : null;
			SSLContext context = SSLContext.getInstance("TLS");
			context.init(keyManagers, trustManagers.getTrustManagers(), new SecureRandom());
			return context;
		}
		catch (GeneralSecurityException | IOException ex) {
			throw new IllegalStateException(ex);
		}
	}

	/** A client key manager that always offers one certificate. */
	private static final class Shows extends X509ExtendedKeyManager {

		private final Issued shown;

		Shows(Issued shown) {
			this.shown = shown;
		}

		@Override
		public String chooseClientAlias(String[] keyType, Principal[] issuers, Socket socket) {
			return "client";
		}

		@Override
		public String chooseEngineClientAlias(String[] keyType, Principal[] issuers, SSLEngine engine) {
			return "client";
		}

		@Override
		public X509Certificate[] getCertificateChain(String alias) {
			return new X509Certificate[] { this.shown.certificate() };
		}

		@Override
		public PrivateKey getPrivateKey(String alias) {
			return this.shown.keys().getPrivate();
		}

		@Override
		public String[] getClientAliases(String keyType, Principal[] issuers) {
			return new String[] { "client" };
		}

		@Override
		public String[] getServerAliases(String keyType, Principal[] issuers) {
			return new String[0];
		}

		@Override
		public @Nullable String chooseServerAlias(String keyType, Principal[] issuers, Socket socket) {
			return null;
		}

	}

	private static KeyPair keys() {
		try {
			KeyPairGenerator generator = KeyPairGenerator.getInstance("EC");
			generator.initialize(new ECGenParameterSpec("secp256r1"));
			return generator.generateKeyPair();
		}
		catch (GeneralSecurityException ex) {
			throw new IllegalStateException(ex);
		}
	}

	private static X509Certificate sign(String name, KeyPair keys, @Nullable Issued issuer, Instant notBefore,
			Instant notAfter, Kind kind) {
		try {
			X500Name subject = new X500Name("CN=" + name);
			X500Name issuerName = (issuer != null)
					? new X500Name(issuer.certificate().getSubjectX500Principal().getName()) : subject;
			X509v3CertificateBuilder builder = new JcaX509v3CertificateBuilder(issuerName,
					BigInteger.valueOf(serials.incrementAndGet()), Date.from(notBefore), Date.from(notAfter), subject,
					keys.getPublic());
			builder.addExtension(Extension.basicConstraints, true, new BasicConstraints(kind == Kind.AUTHORITY));
			if (kind == Kind.AUTHORITY) {
				builder.addExtension(Extension.keyUsage, true, new KeyUsage(KeyUsage.keyCertSign | KeyUsage.cRLSign));
			}
			else {
				builder.addExtension(Extension.keyUsage, true, new KeyUsage(KeyUsage.digitalSignature));
				builder.addExtension(Extension.extendedKeyUsage, false, new ExtendedKeyUsage(
						(kind == Kind.SERVER) ? KeyPurposeId.id_kp_serverAuth : KeyPurposeId.id_kp_clientAuth));
			}
			if (kind == Kind.SERVER) {
				builder.addExtension(Extension.subjectAlternativeName, false,
						new GeneralNames(new GeneralName[] { new GeneralName(GeneralName.dNSName, "localhost"),
								new GeneralName(GeneralName.iPAddress, "127.0.0.1") }));
			}
			KeyPair signer = (issuer != null) ? issuer.keys() : keys;
			return new JcaX509CertificateConverter().getCertificate(
					builder.build(new JcaContentSignerBuilder("SHA256withECDSA").build(signer.getPrivate())));
		}
		catch (Exception ex) {
			throw new IllegalStateException(ex);
		}
	}

	private enum Kind {

		AUTHORITY, SERVER, CLIENT

	}

}
