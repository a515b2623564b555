package example.chat;

import java.io.IOException;
import java.net.ServerSocket;
import java.time.Duration;
import java.util.concurrent.TimeUnit;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.fail;
import static org.junit.jupiter.api.Assumptions.abort;

/**
 * A {@code redis-server} of the test's own on a free port, without persistence: cluster
 * mode's Redis. Where redis-server is not installed the test is skipped, unless
 * {@code CI=true}, where it fails.
 */
final class LocalRedis implements AutoCloseable {

	private final Process process;

	private final int port;

	private LocalRedis(Process process, int port) {
		this.process = process;
		this.port = port;
	}

	static LocalRedis start() throws IOException {
		int port;
		try (ServerSocket socket = new ServerSocket(0)) {
			port = socket.getLocalPort();
		}
		Process process;
		try {
			process = new ProcessBuilder("redis-server", "--port", Integer.toString(port), "--bind", "127.0.0.1",
					"--save", "", "--appendonly", "no")
				.redirectErrorStream(true)
				.redirectOutput(ProcessBuilder.Redirect.DISCARD)
				.start();
		}
		catch (IOException ex) {
			if ("true".equals(System.getenv("CI"))) {
				fail("redis-server is required in CI (apt-get install redis-server)", ex);
			}
			abort("redis-server not found: this test runs in CI");
			throw ex;
		}
		await().atMost(Duration.ofSeconds(20)).until(() -> answers(port));
		return new LocalRedis(process, port);
	}

	private static boolean answers(int port) {
		try (java.net.Socket socket = new java.net.Socket("127.0.0.1", port)) {
			return true;
		}
		catch (IOException ex) {
			return false;
		}
	}

	String url() {
		return "redis://127.0.0.1:" + this.port;
	}

	@Override
	public void close() throws InterruptedException {
		this.process.destroy();
		this.process.waitFor(10, TimeUnit.SECONDS);
	}

}
