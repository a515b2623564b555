package io.wharf.transport.tcp.tls;

import java.nio.channels.ClosedChannelException;
import java.security.cert.CertificateException;
import java.util.Locale;

import io.netty.handler.ssl.NotSslRecordException;
import io.netty.handler.ssl.SslHandshakeTimeoutException;

/**
 * Why a TLS handshake failed, as the {@code result} of {@code wharf_tls_handshakes_total}
 * and the words of its log line, read from what the JDK's or OpenSSL's engine threw (they
 * word the same failure differently).
 */
final class HandshakeFailure {

	private HandshakeFailure() {
	}

	/**
	 * The result a failure is counted under.
	 * @param cause what the handshake failed with
	 * @return one of {@code timeout}, {@code protocol}, {@code certificate},
	 * {@code client_certificate_required} or {@code other}
	 */
	static String result(Throwable cause) {
		StringBuilder words = new StringBuilder();
		for (Throwable each = cause; each != null; each = (each.getCause() != each) ? each.getCause() : null) {
			if (each instanceof SslHandshakeTimeoutException) {
				return "timeout";
			}
			if (each instanceof NotSslRecordException) {
				return "protocol";
			}
			if (each instanceof CertificateException) {
				return "certificate";
			}
			words.append(' ').append(each.getMessage());
		}
		String text = words.toString().toLowerCase(Locale.ROOT);
		if (text.contains("empty client certificate chain") || text.contains("peer_did_not_return_a_certificate")
				|| text.contains("certificate_required") || text.contains("certificate required")) {
			return "client_certificate_required";
		}
		if (text.contains("certificate") || text.contains("pkix") || text.contains("unknown_ca")
				|| text.contains("unknown ca") || text.contains("expired")) {
			return "certificate";
		}
		if (text.contains("protocol") || text.contains("version") || text.contains("cipher") || text.contains("record")
				|| text.contains("http_request") || text.contains("plaintext") || text.contains("handshake_failure")
				|| text.contains("decode") || text.contains("excessive") || text.contains("unexpected_message")
				|| text.contains("bad_") || text.contains("malformed")) {
			return "protocol";
		}
		return "other";
	}

	/**
	 * Whether the client just went away before or during its handshake, as health checks
	 * and port scanners do: counted, but logged at DEBUG only.
	 * @param cause what the handshake failed with
	 * @return true for a connection closed mid-handshake
	 */
	static boolean clientLeft(Throwable cause) {
		String message = String.valueOf(cause.getMessage());
		return cause instanceof ClosedChannelException || message.contains("Connection closed while")
				|| message.contains("closed before");
	}

	/**
	 * What the log line advises for a result.
	 * @param result the result
	 * @return a hint a person can act on
	 */
	static String hint(String result) {
		return switch (result) {
			case "timeout" -> "the client did not complete its handshake within ssl.handshake-timeout";
			case "protocol" -> "the client did not speak TLS (plaintext on a TLS port?) or shares no protocol "
					+ "version or cipher with the bundle's options";
			case "certificate" -> "a certificate was refused: a client certificate from a CA the bundle's trust "
					+ "store does not hold, expired, or the client refused the server's";
			case "client_certificate_required" -> "the client sent no certificate and ssl.client-auth is need";
			default -> "the client went away or the handshake failed otherwise";
		};
	}

}
