package io.wharf.transport.tcp.tls;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLSocket;

import io.micrometer.core.instrument.MeterRegistry;
import io.wharf.TestCertificates;
import io.wharf.TestCertificates.Issued;
import io.wharf.WireClient;
import io.wharf.transport.Listeners;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.actuate.info.Info;
import org.springframework.boot.actuate.info.InfoContributor;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatException;
import static org.awaitility.Awaitility.await;

/**
 * The same listener on the JDK's TLS, which words its failures differently from
 * OpenSSL's: client certificates and plaintext are refused and counted under the same
 * results, and {@code /actuator/info} says which provider serves.
 */
@SpringBootTest(properties = { "wharf.tls.provider=jdk", "wharf.listeners.greeting-tcp.enabled=false",
		"wharf.listeners.greeting-udp.enabled=false", "wharf.listeners.echo-tcp.enabled=false",
		"wharf.listeners.echo-udp.enabled=false", "wharf.listeners.echo-line.enabled=false",
		"wharf.listeners.echo-framed.enabled=false", "wharf.listeners.mtls.protocol=tcp", "wharf.listeners.mtls.port=0",
		"wharf.listeners.mtls.service=echo", "wharf.listeners.mtls.framing.type=line",
		"wharf.listeners.mtls.ssl.bundle=jdk-test", "wharf.listeners.mtls.ssl.client-auth=need" })
class JdkTlsTests {

	private static final Issued AUTHORITY = TestCertificates.authority("JDK Test CA");

	@DynamicPropertySource
	static void bundle(DynamicPropertyRegistry registry) throws IOException {
		Path directory = Files.createTempDirectory("wharf-jdk-tls");
		TestCertificates.server(AUTHORITY, Duration.ofDays(30))
			.write(directory.resolve("server.crt"), directory.resolve("server.key"));
		TestCertificates.writePem(directory.resolve("ca.crt"), AUTHORITY.certificate());
		registry.add("spring.ssl.bundle.pem.jdk-test.keystore.certificate",
				() -> "file:" + directory.resolve("server.crt"));
		registry.add("spring.ssl.bundle.pem.jdk-test.keystore.private-key",
				() -> "file:" + directory.resolve("server.key"));
		registry.add("spring.ssl.bundle.pem.jdk-test.truststore.certificate",
				() -> "file:" + directory.resolve("ca.crt"));
	}

	@Autowired
	private Listeners listeners;

	@Autowired
	private MeterRegistry registry;

	@Autowired
	private List<InfoContributor> contributors;

	@Test
	void clientsAreServedRefusedAndCountedAsOnOpenSsl() throws IOException {
		Issued device = TestCertificates.client(AUTHORITY, "device-1", Instant.now().minusSeconds(3600),
				Instant.now().plus(Duration.ofDays(1)));
		try (SSLSocket socket = connect(device.clientContext(AUTHORITY))) {
			socket.getOutputStream().write("jdk\n".getBytes(StandardCharsets.US_ASCII));
			assertThat(socket.getInputStream().readNBytes(4)).isEqualTo("jdk\n".getBytes(StandardCharsets.US_ASCII));
			assertThat(socket.getSession().getProtocol()).isEqualTo("TLSv1.3");
		}
		Issued foreign = TestCertificates.client(TestCertificates.authority("Elsewhere"), "foreign",
				Instant.now().minusSeconds(3600), Instant.now().plus(Duration.ofDays(1)));
		assertRefused(TestCertificates.clientContext(AUTHORITY, null));
		assertRefused(foreign.clientContext(AUTHORITY));
		try (WireClient plaintext = WireClient.connect(this.listeners.port("mtls"))) {
			plaintext.send("GET / HTTP/1.1\r\n\r\n");
			assertThatException().isThrownBy(() -> {
				plaintext.readToEnd();
				throw new IOException("closed");
			});
		}
		await().atMost(Duration.ofSeconds(10))
			.untilAsserted(() -> assertThat(Map.of("required", handshakes("client_certificate_required"), "certificate",
					handshakes("certificate"), "protocol", handshakes("protocol"), "ok", handshakes("ok")))
				.isEqualTo(Map.of("required", 1.0, "certificate", 1.0, "protocol", 1.0, "ok", 1.0)));
	}

	@Test
	void infoNamesTheProvider() {
		Info.Builder info = new Info.Builder();
		this.contributors.forEach((contributor) -> contributor.contribute(info));
		assertThat(info.build().getDetails().get("tls")).asString().contains("JDK");
	}

	private void assertRefused(SSLContext context) {
		TlsClients.assertRefused(this.listeners.port("mtls"), context);
	}

	private double handshakes(String result) {
		return TlsClients.handshakes(this.registry, "mtls", result);
	}

	private SSLSocket connect(SSLContext context) throws IOException {
		return TlsClients.connect(this.listeners.port("mtls"), context);
	}

}
