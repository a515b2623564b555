package io.wharf.transport.tcp.tls;

import java.nio.channels.ClosedChannelException;
import java.security.cert.CertificateExpiredException;
import javax.net.ssl.SSLHandshakeException;

import io.netty.handler.ssl.NotSslRecordException;
import io.netty.handler.ssl.SslHandshakeTimeoutException;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The same failure, as OpenSSL (BoringSSL) and the JDK word it, counts under one result;
 * the words are those the engines gave in {@code TlsTests} and {@code JdkTlsTests}.
 */
class HandshakeFailureTests {

	@Test
	void eachEnginesWordsCountUnderOneResult() {
		assertThat(HandshakeFailure.result(new SslHandshakeTimeoutException("handshake timed out after 1000ms")))
			.isEqualTo("timeout");
		assertThat(HandshakeFailure.result(new NotSslRecordException("not an SSL/TLS record"))).isEqualTo("protocol");
		assertThat(HandshakeFailure
			.result(new SSLHandshakeException("error:10000096:SSL routines:OPENSSL_internal:EXCESSIVE_MESSAGE_SIZE")))
			.isEqualTo("protocol");
		assertThat(HandshakeFailure.result(new SSLHandshakeException(
				"error:100000c0:SSL routines:OPENSSL_internal:PEER_DID_NOT_RETURN_A_CERTIFICATE")))
			.isEqualTo("client_certificate_required");
		assertThat(HandshakeFailure.result(new SSLHandshakeException("Empty client certificate chain")))
			.isEqualTo("client_certificate_required");
		SSLHandshakeException expired = new SSLHandshakeException("General OpenSslEngine problem");
		expired.initCause(new CertificateExpiredException("NotAfter: Sun Nov 29 20:00:00 UTC 2026"));
		assertThat(HandshakeFailure.result(expired)).isEqualTo("certificate");
		assertThat(HandshakeFailure.result(new SSLHandshakeException(
				"PKIX path building failed: unable to find valid certification path to requested target")))
			.isEqualTo("certificate");
		assertThat(HandshakeFailure.result(new ClosedChannelException())).isEqualTo("other");
	}

	@Test
	void aClientThatJustLeftIsNotWorthAWarning() {
		assertThat(HandshakeFailure.clientLeft(new ClosedChannelException())).isTrue();
		assertThat(HandshakeFailure
			.clientLeft(new SSLHandshakeException("Connection closed while SSL/TLS handshake was in progress")))
			.isTrue();
		assertThat(HandshakeFailure.clientLeft(new NotSslRecordException("not an SSL/TLS record"))).isFalse();
	}

}
