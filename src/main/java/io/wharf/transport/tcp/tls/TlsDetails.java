package io.wharf.transport.tcp.tls;

import java.security.cert.Certificate;
import java.security.cert.X509Certificate;
import java.util.LinkedHashMap;
import java.util.Map;
import javax.net.ssl.SSLPeerUnverifiedException;
import javax.net.ssl.SSLSession;

import org.jspecify.annotations.Nullable;

/**
 * What a TLS session negotiated, for the session's log line and the sockets endpoint.
 *
 * @param protocol such as {@code TLSv1.3}
 * @param cipher such as {@code TLS_AES_128_GCM_SHA256}
 * @param clientSubject the client certificate's subject, or null without one
 */
public record TlsDetails(String protocol, String cipher, @Nullable String clientSubject) {

	/**
	 * Reads a session.
	 * @param session an established TLS session
	 * @param clientCertificates whether the listener asks for client certificates (a
	 * session without one throws, which costs a stack trace per connection)
	 * @return what it negotiated
	 */
	public static TlsDetails of(SSLSession session, boolean clientCertificates) {
		String subject = null;
		try {
			if (!clientCertificates) {
				return new TlsDetails(session.getProtocol(), session.getCipherSuite(), null);
			}
			Certificate[] chain = session.getPeerCertificates();
			if (chain.length > 0 && chain[0] instanceof X509Certificate client) {
				subject = client.getSubjectX500Principal().getName();
			}
		}
		catch (SSLPeerUnverifiedException ex) {
			// No client certificate.
		}
		return new TlsDetails(session.getProtocol(), session.getCipherSuite(), subject);
	}

	/**
	 * For the sockets endpoint.
	 * @return protocol, cipher and, with a client certificate, its subject
	 */
	public Map<String, Object> describe() {
		Map<String, Object> tls = new LinkedHashMap<>();
		tls.put("protocol", this.protocol);
		tls.put("cipher", this.cipher);
		if (this.clientSubject != null) {
			tls.put("clientSubject", this.clientSubject);
		}
		return tls;
	}

	/**
	 * For the session's log line.
	 * @return such as {@code TLSv1.3 TLS_AES_128_GCM_SHA256, client CN=device-7}
	 */
	@Override
	public String toString() {
		return this.protocol + " " + this.cipher
				+ ((this.clientSubject != null) ? ", client " + this.clientSubject : "");
	}

}
