package io.wharf;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import static org.awaitility.Awaitility.await;

/**
 * A real HAProxy in front of Wharf, in TCP mode: one frontend per backend port, each
 * sending a PROXY header (v1 or v2) as configured. Tests that need it skip where haproxy
 * is missing, unless {@code -Dwharf.haproxy.required=true} or {@code CI=true}.
 */
public final class HAProxy implements AutoCloseable {

	private final Process process;

	private final Map<String, Integer> frontends;

	private HAProxy(Process process, Map<String, Integer> frontends) {
		this.process = process;
		this.frontends = frontends;
	}

	/**
	 * Starts HAProxy with a frontend per named backend.
	 * @param work a directory for its configuration and log
	 * @param backends frontend name to backend port and the server line's options (e.g.
	 * {@code send-proxy-v2})
	 * @return the running proxy
	 * @throws IOException if it cannot start
	 */
	public static HAProxy start(Path work, Map<String, Backend> backends) throws IOException {
		require();
		StringBuilder config = new StringBuilder("""
				global
				    maxconn 1000
				defaults
				    mode tcp
				    timeout connect 5s
				    timeout client 60s
				    timeout server 60s
				""");
		Map<String, Integer> frontends = new LinkedHashMap<>();
		for (Map.Entry<String, Backend> backend : backends.entrySet()) {
			int port = freePort();
			frontends.put(backend.getKey(), port);
			config.append("frontend ")
				.append(backend.getKey())
				.append("\n    bind 127.0.0.1:")
				.append(port)
				.append("\n    default_backend ")
				.append(backend.getKey())
				.append("-wharf\n");
			config.append("backend ")
				.append(backend.getKey())
				.append("-wharf\n    server wharf 127.0.0.1:")
				.append(backend.getValue().port())
				.append(' ')
				.append(backend.getValue().options())
				.append('\n');
		}
		Path file = work.resolve("haproxy.cfg");
		Files.writeString(file, config);
		Process process = new ProcessBuilder("haproxy", "-db", "-f", file.toString()).redirectErrorStream(true)
			.redirectOutput(work.resolve("haproxy.log").toFile())
			.start();
		HAProxy proxy = new HAProxy(process, frontends);
		for (int port : frontends.values()) {
			await().atMost(Duration.ofSeconds(20))
				.ignoreExceptions()
				.failFast(() -> !process.isAlive())
				.until(() -> accepts(port));
		}
		return proxy;
	}

	/**
	 * The port of a frontend.
	 * @param name the frontend's name
	 * @return its port on 127.0.0.1
	 */
	public int port(String name) {
		return this.frontends.get(name);
	}

	private static boolean accepts(int port) throws IOException {
		try (Socket socket = new Socket()) {
			socket.connect(new InetSocketAddress("127.0.0.1", port), 1000);
			return true;
		}
	}

	private static int freePort() throws IOException {
		try (ServerSocket socket = new ServerSocket(0)) {
			return socket.getLocalPort();
		}
	}

	private static void require() {
		RequiredTool.require("wharf.haproxy.required", "haproxy", "haproxy", "-v");
	}

	@Override
	public void close() throws InterruptedException {
		this.process.destroy();
		if (!this.process.waitFor(10, TimeUnit.SECONDS)) {
			this.process.destroyForcibly();
		}
	}

	/**
	 * A Wharf port behind a frontend.
	 *
	 * @param port the Wharf listener's port
	 * @param options the server line's options, e.g. {@code send-proxy}
	 */
	public record Backend(int port, String options) {

	}

}
