package io.wharf.transport.tcp.tls;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import io.wharf.TestCertificates;
import io.wharf.TestCertificates.Issued;
import io.wharf.WharfApplication;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/**
 * A TLS listener whose bundle cannot be used fails start-up naming the listener, the
 * bundle and the property to fix.
 */
@ExtendWith(OutputCaptureExtension.class)
class TlsStartUpTests {

	@TempDir
	static Path directory;

	@Test
	void anUnknownBundleIsNamedWithTheBundlesThatExist(CapturedOutput output) {
		assertThatExceptionOfType(Exception.class)
			.isThrownBy(() -> start("--wharf.listeners.echo-line.ssl.bundle=missing"));
		assertThat(output).contains("APPLICATION FAILED TO START")
			.contains("Listener 'echo-line' cannot serve TLS with SSL bundle 'missing' "
					+ "(wharf.listeners.echo-line.ssl.bundle): there is no SSL bundle of that name")
			.contains("spring.ssl.bundle.pem.missing");
	}

	@Test
	void aCertificateThatDoesNotMatchItsKeyFailsStartUp(CapturedOutput output) throws Exception {
		Issued authority = TestCertificates.authority("CA");
		Issued one = TestCertificates.server(authority, Duration.ofDays(1));
		Issued other = TestCertificates.server(authority, Duration.ofDays(1));
		one.write(directory.resolve("one.crt"), directory.resolve("one.key"));
		other.write(directory.resolve("other.crt"), directory.resolve("other.key"));
		assertThatExceptionOfType(Exception.class).isThrownBy(
				() -> start("--spring.ssl.bundle.pem.mixed.keystore.certificate=file:" + directory.resolve("one.crt"),
						"--spring.ssl.bundle.pem.mixed.keystore.private-key=file:" + directory.resolve("other.key"),
						"--wharf.listeners.echo-line.ssl.bundle=mixed"));
		assertThat(output).contains("Listener 'echo-line' cannot serve TLS with SSL bundle 'mixed'")
			.contains("its certificate (CN=localhost) does not match its private key");
	}

	@Test
	void anUnreadableKeyNamesTheListenerAndTheBundle(CapturedOutput output) throws Exception {
		Issued server = TestCertificates.server(TestCertificates.authority("CA"), Duration.ofDays(1));
		server.write(directory.resolve("good.crt"), directory.resolve("good.key"));
		Files.writeString(directory.resolve("broken.key"),
				"-----BEGIN PRIVATE KEY-----\nnot a key\n-----END PRIVATE KEY-----\n");
		assertThatExceptionOfType(Exception.class).isThrownBy(
				() -> start("--spring.ssl.bundle.pem.broken.keystore.certificate=file:" + directory.resolve("good.crt"),
						"--spring.ssl.bundle.pem.broken.keystore.private-key=file:" + directory.resolve("broken.key"),
						"--wharf.listeners.echo-line.ssl.bundle=broken"));
		assertThat(output).contains("APPLICATION FAILED TO START")
			.contains("An SSL bundle's certificate or private key cannot be read")
			.contains("Listener 'echo-line' serves TLS with SSL bundle 'broken' (wharf.listeners.echo-line.ssl.bundle)")
			.contains(".keystore.certificate and .private-key");
	}

	@Test
	void clientCertificatesNeedATrustStore(CapturedOutput output) throws Exception {
		Issued server = TestCertificates.server(TestCertificates.authority("CA"), Duration.ofDays(1));
		server.write(directory.resolve("server.crt"), directory.resolve("server.key"));
		assertThatExceptionOfType(Exception.class).isThrownBy(() -> start(
				"--spring.ssl.bundle.pem.plain.keystore.certificate=file:" + directory.resolve("server.crt"),
				"--spring.ssl.bundle.pem.plain.keystore.private-key=file:" + directory.resolve("server.key"),
				"--wharf.listeners.echo-line.ssl.bundle=plain", "--wharf.listeners.echo-line.ssl.client-auth=need"));
		assertThat(output).contains("ssl.client-auth is need but the bundle has no trust store")
			.contains("spring.ssl.bundle.pem.plain.truststore.certificate");
	}

	@Test
	void tlsOnAUdpListenerIsRefused(CapturedOutput output) {
		assertThatExceptionOfType(Exception.class).isThrownBy(() -> start("--wharf.listeners.echo-udp.ssl.bundle=any"));
		assertThat(output).contains("wharf.listeners[echo-udp].ssl.bundle")
			.contains("must not be set on a udp listener: TLS is for TCP (DTLS is not supported)");
	}

	private static void start(String... more) throws Exception {
		Files.createDirectories(directory);
		List<String> args = new ArrayList<>(List.of("--server.port=0"));
		for (String name : new String[] { "greeting-tcp", "greeting-udp", "echo-tcp", "echo-udp", "echo-line",
				"echo-framed" }) {
			args.add("--wharf.listeners." + name + ".port=0");
		}
		args.addAll(List.of(more));
		new SpringApplicationBuilder(WharfApplication.class).run(args.toArray(String[]::new)).close();
	}

}
