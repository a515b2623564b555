package io.wharf.transport.tcp.tls;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.math.BigInteger;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.cert.X509Certificate;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLSocket;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.search.Search;
import io.wharf.HAProxy;
import io.wharf.OpenSslClient;
import io.wharf.Python;
import io.wharf.TestCertificates;
import io.wharf.TestCertificates.Issued;
import io.wharf.WireClient;
import io.wharf.conversation.SessionHandle;
import io.wharf.transport.Listeners;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * TLS listeners against real clients: the JDK's, {@code openssl s_client} and Python's
 * {@code ssl} module; client certificates, clients that do not speak TLS, and a
 * certificate replaced on disk while sessions are open.
 */
@SpringBootTest(properties = { "wharf.listeners.greeting-tcp.enabled=false",
		"wharf.listeners.greeting-udp.enabled=false", "wharf.listeners.echo-tcp.enabled=false",
		"wharf.listeners.echo-udp.enabled=false", "wharf.listeners.echo-line.enabled=false",
		"wharf.listeners.echo-framed.enabled=false", "wharf.listeners.tls-greeting.protocol=tcp",
		"wharf.listeners.tls-greeting.port=0", "wharf.listeners.tls-greeting.service=greeting",
		"wharf.listeners.tls-greeting.framing.type=line", "wharf.listeners.tls-greeting.ssl.bundle=wharf-test",
		"wharf.listeners.tls-echo.protocol=tcp", "wharf.listeners.tls-echo.port=0",
		"wharf.listeners.tls-echo.service=echo", "wharf.listeners.tls-echo.ssl.bundle=wharf-test",
		"wharf.listeners.tls-echo.ssl.handshake-timeout=1s", "wharf.listeners.mtls.protocol=tcp",
		"wharf.listeners.mtls.port=0", "wharf.listeners.mtls.service=echo", "wharf.listeners.mtls.framing.type=line",
		"wharf.listeners.mtls.ssl.bundle=wharf-test", "wharf.listeners.mtls.ssl.client-auth=need",
		"wharf.listeners.want.protocol=tcp", "wharf.listeners.want.port=0", "wharf.listeners.want.service=echo",
		"wharf.listeners.want.framing.type=line", "wharf.listeners.want.ssl.bundle=wharf-test",
		"wharf.listeners.want.ssl.client-auth=want", "wharf.listeners.proxied-tls.protocol=tcp",
		"wharf.listeners.proxied-tls.port=0", "wharf.listeners.proxied-tls.service=echo",
		"wharf.listeners.proxied-tls.framing.type=line", "wharf.listeners.proxied-tls.ssl.bundle=wharf-test",
		"wharf.listeners.proxied-tls.proxy-protocol=on", "wharf.listeners.proxied-tls.trusted-proxies=127.0.0.1/32",
		"spring.ssl.bundle.pem.wharf-test.reload-on-update=true", "spring.ssl.bundle.watch.file.quiet-period=100ms" })
@ExtendWith(OutputCaptureExtension.class)
class TlsTests {

	private static final Path DIRECTORY;

	private static final Issued AUTHORITY = TestCertificates.authority("Wharf Test CA");

	private static final Issued STRANGER = TestCertificates.authority("Another CA");

	private static final Issued SERVER = TestCertificates.server(AUTHORITY, Duration.ofDays(30));

	static {
		try {
			DIRECTORY = Files.createTempDirectory("wharf-tls");
		}
		catch (IOException ex) {
			throw new IllegalStateException(ex);
		}
		SERVER.write(DIRECTORY.resolve("server.crt"), DIRECTORY.resolve("server.key"));
		TestCertificates.writePem(DIRECTORY.resolve("ca.crt"), AUTHORITY.certificate());
	}

	@DynamicPropertySource
	static void bundle(DynamicPropertyRegistry registry) {
		registry.add("spring.ssl.bundle.pem.wharf-test.keystore.certificate", () -> file("server.crt"));
		registry.add("spring.ssl.bundle.pem.wharf-test.keystore.private-key", () -> file("server.key"));
		registry.add("spring.ssl.bundle.pem.wharf-test.truststore.certificate", () -> file("ca.crt"));
	}

	@Autowired
	private Listeners listeners;

	@Autowired
	private MeterRegistry registry;

	@Test
	void theGreetingSpeaksOverTls() throws IOException {
		try (SSLSocket socket = connect("tls-greeting", TestCertificates.clientContext(AUTHORITY, null))) {
			assertThat(readLine(socket)).isEqualTo("Server: Welcome!");
			send(socket, "Michael\n");
			assertThat(readLine(socket)).startsWith("Server: What's your name");
			assertThat(readLine(socket)).contains("Hello Michael!");
		}
	}

	@Test
	void opensslHoldsAGreetingConversation() throws Exception {
		OpenSslClient.require();
		String output = OpenSslClient.converse(this.listeners.port("tls-greeting"), DIRECTORY.resolve("ca.crt"),
				"Michael\nexit\n");
		assertThat(output).contains("verify return:1")
			.contains("Server: Welcome!")
			.contains("Server: Hello Michael!")
			.contains("Server: Good bye!");
	}

	@Test
	void pythonsSslModuleEchoesWithAndWithoutAClientCertificate() throws Exception {
		Python.require();
		Python.Result echo = Python.run(Map.of(), "", "examples/python/tls_echo_client.py", "localhost",
				port("tls-echo"), DIRECTORY.resolve("ca.crt").toString());
		assertThat(echo.output()).isEqualTo("TLSv1.3 Received b'Hello, TLS'\n");
		Issued device = TestCertificates.client(AUTHORITY, "device-7", Instant.now().minusSeconds(3600),
				Instant.now().plus(Duration.ofDays(1)));
		device.write(DIRECTORY.resolve("device.crt"), DIRECTORY.resolve("device.key"));
		Python.Result mutual = Python.run(Map.of(), "", "examples/python/tls_client_cert_client.py", "localhost",
				port("mtls"), DIRECTORY.resolve("ca.crt").toString(), DIRECTORY.resolve("device.crt").toString(),
				DIRECTORY.resolve("device.key").toString());
		assertThat(mutual.output()).isEqualTo("Received b'Hello from a device\\n'\n");
	}

	@Test
	void theSessionShowsWhatTlsNegotiatedAndWhoTheClientIs(CapturedOutput output) throws IOException {
		Issued device = TestCertificates.client(AUTHORITY, "device-9", Instant.now().minusSeconds(3600),
				Instant.now().plus(Duration.ofDays(1)));
		try (SSLSocket socket = connect("mtls", device.clientContext(AUTHORITY))) {
			send(socket, "ping\n");
			assertThat(readLine(socket)).isEqualTo("ping");
			SessionHandle session = this.listeners.bound()
				.get("mtls")
				.sessions()
				.stream()
				.filter((open) -> open.describe().get("remote").toString().endsWith(":" + socket.getLocalPort()))
				.findFirst()
				.orElseThrow();
			assertThat(session.describe().get("tls")).isEqualTo(Map.of("protocol", "TLSv1.3", "cipher",
					socket.getSession().getCipherSuite(), "clientSubject", "CN=device-9"));
		}
		await().atMost(Duration.ofSeconds(10))
			.untilAsserted(() -> assertThat(output).contains("over TLSv1.3 ").contains("client CN=device-9"));
	}

	@Test
	void clientsWithoutAGoodCertificateAreRefusedAndCountedByReason() {
		Issued expired = TestCertificates.client(AUTHORITY, "expired", Instant.now().minus(Duration.ofDays(10)),
				Instant.now().minus(Duration.ofDays(1)));
		Issued foreign = TestCertificates.client(STRANGER, "foreign", Instant.now().minusSeconds(3600),
				Instant.now().plus(Duration.ofDays(1)));
		double required = handshakes("mtls", "client_certificate_required");
		double refused = handshakes("mtls", "certificate");
		assertRefused(TestCertificates.clientContext(AUTHORITY, null));
		await().atMost(Duration.ofSeconds(10))
			.until(() -> handshakes("mtls", "client_certificate_required") == required + 1);
		assertRefused(expired.clientContext(AUTHORITY));
		assertRefused(foreign.clientContext(AUTHORITY));
		await().atMost(Duration.ofSeconds(10)).until(() -> handshakes("mtls", "certificate") == refused + 2);
	}

	@Test
	void plaintextGarbageAndSilentClientsAreClosedAndCountedWhileOthersAreServed() throws IOException {
		double protocol = handshakes("tls-echo", "protocol");
		double timeout = handshakes("tls-echo", "timeout");
		try (WireClient plaintext = WireClient.connect(this.listeners.port("tls-echo"));
				WireClient garbage = WireClient.connect(this.listeners.port("tls-echo"));
				WireClient silent = WireClient.connect(this.listeners.port("tls-echo"));
				SSLSocket served = connect("tls-echo", TestCertificates.clientContext(AUTHORITY, null))) {
			plaintext.send("hello, is this echo?\r\n");
			garbage.send(new byte[] { 0x16, 0x03, 0x01, 0x00, 0x05, 1, 2, 3, 4, 5 });
			assertThat(closed(plaintext)).isTrue();
			assertThat(closed(garbage)).as("closed, perhaps after a TLS alert").isTrue();
			send(served, "still here");
			assertThat(new String(served.getInputStream().readNBytes(10), StandardCharsets.US_ASCII))
				.isEqualTo("still here");
			assertThat(closed(silent)).as("closed after the 1 s handshake timeout").isTrue();
		}
		await().atMost(Duration.ofSeconds(10)).until(() -> handshakes("tls-echo", "protocol") == protocol + 2);
		assertThat(handshakes("tls-echo", "timeout")).isEqualTo(timeout + 1);
	}

	@Test
	void aReplacedCertificateServesNewConnectionsWhileOldSessionsGoOn(CapturedOutput output) throws IOException {
		try (SSLSocket old = connect("tls-echo", TestCertificates.clientContext(AUTHORITY, null))) {
			send(old, "before");
			assertThat(old.getInputStream().readNBytes(6)).isEqualTo("before".getBytes(StandardCharsets.US_ASCII));
			BigInteger before = serial(old);
			Issued renewed = TestCertificates.server(AUTHORITY, Duration.ofDays(60));
			renewed.write(DIRECTORY.resolve("server.crt"), DIRECTORY.resolve("server.key"));
			await().atMost(Duration.ofSeconds(20)).ignoreExceptions().until(() -> {
				try (SSLSocket fresh = connect("tls-echo", TestCertificates.clientContext(AUTHORITY, null))) {
					return serial(fresh).equals(renewed.serial());
				}
			});
			assertThat(before).isNotEqualTo(renewed.serial());
			send(old, "after");
			assertThat(old.getInputStream().readNBytes(5)).isEqualTo("after".getBytes(StandardCharsets.US_ASCII));
			assertThat(serial(old)).isEqualTo(before);
			assertThat(output).contains("Listener 'tls-echo' reloaded SSL bundle 'wharf-test'")
				.contains("serial " + renewed.serial().toString(16));
			assertThat(Search.in(this.registry)
				.name("wharf.tls.certificate.expiry")
				.tag("listener", "tls-echo")
				.gauge()
				.value()).isEqualTo(renewed.certificate().getNotAfter().getTime() / 1000.0);
		}
	}

	@Test
	void wantServesClientsWithAndWithoutACertificate() throws IOException {
		Issued device = TestCertificates.client(AUTHORITY, "device-w", Instant.now().minusSeconds(3600),
				Instant.now().plus(Duration.ofDays(1)));
		for (SSLContext context : List.of(TestCertificates.clientContext(AUTHORITY, null),
				device.clientContext(AUTHORITY))) {
			try (SSLSocket socket = connect("want", context)) {
				send(socket, "want\n");
				assertThat(readLine(socket)).isEqualTo("want");
			}
		}
	}

	@Test
	void tlsBehindHaproxyWithAProxyHeaderNamesTheRealClient(@TempDir Path work) throws Exception {
		int wharf = this.listeners.port("proxied-tls");
		try (HAProxy haproxy = HAProxy.start(work, Map.of("v2", new HAProxy.Backend(wharf, "send-proxy-v2")))) {
			Socket plain = new Socket();
			plain.bind(new InetSocketAddress(InetAddress.getByName("127.0.0.2"), 0));
			plain.connect(new InetSocketAddress("127.0.0.1", haproxy.port("v2")), 5000);
			plain.setSoTimeout(5000);
			try (SSLSocket socket = (SSLSocket) TestCertificates.clientContext(AUTHORITY, null)
				.getSocketFactory()
				.createSocket(plain, "localhost", plain.getPort(), true)) {
				send(socket, "through haproxy\n");
				assertThat(readLine(socket)).isEqualTo("through haproxy");
				assertThat(this.listeners.bound().get("proxied-tls").sessions())
					.extracting((session) -> session.describe().get("remote").toString())
					.contains("127.0.0.2:" + plain.getLocalPort());
			}
		}
	}

	private void assertRefused(SSLContext context) {
		TlsClients.assertRefused(this.listeners.port("mtls"), context);
	}

	/** Whether the server closes the connection, after whatever alert it sends. */
	private static boolean closed(WireClient client) throws IOException {
		try {
			client.readToEnd();
			return true;
		}
		catch (java.net.SocketTimeoutException ex) {
			return false;
		}
		catch (IOException ex) {
			return true;
		}
	}

	private double handshakes(String listener, String result) {
		return TlsClients.handshakes(this.registry, listener, result);
	}

	private SSLSocket connect(String listener, SSLContext context) throws IOException {
		return TlsClients.connect(this.listeners.port(listener), context);
	}

	private static BigInteger serial(SSLSocket socket) throws IOException {
		return ((X509Certificate) socket.getSession().getPeerCertificates()[0]).getSerialNumber();
	}

	private static void send(SSLSocket socket, String text) throws IOException {
		OutputStream out = socket.getOutputStream();
		out.write(text.getBytes(StandardCharsets.UTF_8));
		out.flush();
	}

	private static String readLine(SSLSocket socket) throws IOException {
		InputStream in = socket.getInputStream();
		StringBuilder line = new StringBuilder();
		int next;
		while ((next = in.read()) >= 0 && next != '\n') {
			line.append((char) next);
		}
		return line.toString();
	}

	private String port(String listener) {
		return Integer.toString(this.listeners.port(listener));
	}

	private static String file(String name) {
		return "file:" + DIRECTORY.resolve(name);
	}

}
