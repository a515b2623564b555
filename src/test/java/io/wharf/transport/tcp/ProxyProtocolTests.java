package io.wharf.transport.tcp;

import java.io.IOException;
import java.io.InputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import com.jayway.jsonpath.JsonPath;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.search.Search;
import io.wharf.HAProxy;
import io.wharf.transport.Listeners;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.test.context.SpringBootTest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Listeners behind a load balancer that sends the PROXY protocol: a real HAProxy with
 * {@code send-proxy} and {@code send-proxy-v2}, and hand-written headers from trusted and
 * untrusted peers. The client named in the header is the one logs, the sockets endpoint
 * and per-client limits see.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
		properties = { "wharf.listeners.greeting-tcp.enabled=false", "wharf.listeners.greeting-udp.enabled=false",
				"wharf.listeners.echo-tcp.enabled=false", "wharf.listeners.echo-udp.enabled=false",
				"wharf.listeners.echo-line.enabled=false", "wharf.listeners.echo-framed.enabled=false",
				"wharf.sockets.show-addresses=always", "wharf.listeners.proxied.protocol=tcp",
				"wharf.listeners.proxied.port=0", "wharf.listeners.proxied.service=echo",
				"wharf.listeners.proxied.framing.type=line", "wharf.listeners.proxied.proxy-protocol=on",
				"wharf.listeners.proxied.trusted-proxies=127.0.0.1/32",
				"wharf.listeners.proxied.max-connections-per-client=1",
				// The proxy's own address is exempt; the clients it names are judged.
				"wharf.listeners.proxied.exempt-clients=127.0.0.1/32", "wharf.listeners.maybe.protocol=tcp",
				"wharf.listeners.maybe.port=0", "wharf.listeners.maybe.service=greeting",
				"wharf.listeners.maybe.framing.type=line", "wharf.listeners.maybe.proxy-protocol=optional",
				"wharf.listeners.maybe.trusted-proxies=127.0.0.1/32", "wharf.listeners.elsewhere.protocol=tcp",
				"wharf.listeners.elsewhere.port=0", "wharf.listeners.elsewhere.service=echo",
				"wharf.listeners.elsewhere.framing.type=line", "wharf.listeners.elsewhere.proxy-protocol=optional",
				"wharf.listeners.elsewhere.trusted-proxies=192.0.2.0/24" })
class ProxyProtocolTests {

	@Autowired
	private Listeners listeners;

	@Autowired
	private MeterRegistry registry;

	@Value("${local.server.port}")
	private int httpPort;

	@TempDir
	private Path work;

	private final List<Socket> sockets = new ArrayList<>();

	@AfterEach
	void close() throws IOException {
		for (Socket socket : this.sockets) {
			socket.close();
		}
	}

	@Test
	void haproxyNamesTheRealClientWithEitherVersion() throws Exception {
		int wharf = this.listeners.port("proxied");
		try (HAProxy haproxy = HAProxy.start(this.work, Map.of("v1", new HAProxy.Backend(wharf, "send-proxy"), "v2",
				new HAProxy.Backend(wharf, "send-proxy-v2")))) {
			for (String version : List.of("v1", "v2")) {
				Socket client = connect("127.0.0.2", haproxy.port(version));
				send(client, "through " + version + "\n");
				assertThat(line(client)).isEqualTo("through " + version + "\n");
				assertThat(remotes("proxied")).contains("127.0.0.2:" + client.getLocalPort());
				// The limit of one connection per client applies to the client the header
				// names, not to the proxy all of them come through (which is exempt).
				Socket again = connect("127.0.0.2", haproxy.port(version));
				send(again, "again\n");
				assertThat(line(again)).isEqualTo("Server: busy, try again later\n");
				Socket other = connect("127.0.0.3", haproxy.port(version));
				send(other, "other\n");
				assertThat(line(other)).isEqualTo("other\n");
				client.close();
				other.close();
				again.close();
				await().atMost(Duration.ofSeconds(10)).until(() -> active("proxied") == 0);
			}
		}
		assertThat(rejected("proxied", "per_client")).isEqualTo(2);
	}

	@Test
	void aDirectClientOfARequiredHeaderListenerIsRefused() throws Exception {
		Socket direct = connect("127.0.0.1", this.listeners.port("proxied"));
		send(direct, "hello\n");
		assertThat(line(direct)).isEmpty();
		assertThat(rejected("proxied", "proxy_header")).isEqualTo(1);
	}

	@Test
	void anOptionalHeaderIsReadWhenSentAndNotNeeded() throws Exception {
		Socket proxied = connect("127.0.0.1", this.listeners.port("maybe"));
		send(proxied, "PROXY TCP4 203.0.113.7 127.0.0.1 5555 80\r\n");
		assertThat(line(proxied)).isEqualTo("Server: Welcome!\n");
		assertThat(remotes("maybe")).contains("203.0.113.7:5555");
		// A service that speaks first still does for a client that sends nothing first.
		Socket direct = connect("127.0.0.1", this.listeners.port("maybe"));
		assertThat(line(direct)).isEqualTo("Server: Welcome!\n");
		assertThat(remotes("maybe")).contains("127.0.0.1:" + direct.getLocalPort());
	}

	@Test
	void aHeaderFromAnUntrustedPeerIsRefused() throws Exception {
		Socket forged = connect("127.0.0.1", this.listeners.port("elsewhere"));
		send(forged, "PROXY TCP4 198.51.100.1 127.0.0.1 4444 80\r\nhello\n");
		assertThat(line(forged)).isEmpty();
		assertThat(rejected("elsewhere", "untrusted_proxy")).isEqualTo(1);
		Socket plain = connect("127.0.0.1", this.listeners.port("elsewhere"));
		send(plain, "hello\n");
		assertThat(line(plain)).isEqualTo("hello\n");
	}

	private Socket connect(String from, int port) throws IOException {
		Socket socket = new Socket();
		this.sockets.add(socket);
		socket.bind(new InetSocketAddress(InetAddress.getByName(from), 0));
		socket.connect(new InetSocketAddress(InetAddress.getLoopbackAddress(), port), 5000);
		socket.setSoTimeout(15_000);
		return socket;
	}

	private static void send(Socket socket, String text) throws IOException {
		socket.getOutputStream().write(text.getBytes(StandardCharsets.US_ASCII));
		socket.getOutputStream().flush();
	}

	/** The next line, or nothing if the server closes first. */
	private static String line(Socket socket) {
		StringBuilder line = new StringBuilder();
		try {
			InputStream in = socket.getInputStream();
			int b;
			while ((b = in.read()) >= 0) {
				line.append((char) b);
				if (b == '\n') {
					break;
				}
			}
		}
		catch (IOException ex) {
			// Reset: nothing more was said.
		}
		return line.toString();
	}

	private List<String> remotes(String listener) throws Exception {
		String body = HttpClient.newHttpClient()
			.send(HttpRequest
				.newBuilder(URI.create("http://127.0.0.1:" + this.httpPort + "/actuator/sockets/" + listener))
				.build(), HttpResponse.BodyHandlers.ofString())
			.body();
		return JsonPath.read(body, "$.sessions[*].remote");
	}

	private double active(String listener) {
		return Search.in(this.registry).name("wharf.connections.active").tag("listener", listener).gauge().value();
	}

	private double rejected(String listener, String cause) {
		return Search.in(this.registry)
			.name("wharf.connections.rejected")
			.tags("listener", listener, "cause", cause)
			.counter()
			.count();
	}

}
