package io.wharf;

import java.io.IOException;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

import org.jspecify.annotations.Nullable;

import static org.awaitility.Awaitility.await;

/**
 * A real {@code redis-server} (Debian's package) on a free port of loopback, without
 * persistence, for the cluster tests: started by the test, stopped by it (also outright,
 * as a crash would), and started again on the same port. Tests that need it skip where
 * redis-server is missing, unless {@code -Dwharf.redis.required=true} or {@code CI=true}.
 */
public final class RedisServer implements AutoCloseable {

	private final int port;

	private final @Nullable String password;

	private final Path directory;

	private @Nullable Process process;

	private RedisServer(int port, @Nullable String password, Path directory) {
		this.port = port;
		this.password = password;
		this.directory = directory;
	}

	/**
	 * Starts a Redis server.
	 * @param password the password clients must give, or null for none
	 * @return the running server
	 * @throws IOException if it cannot start
	 */
	public static RedisServer start(@Nullable String password) throws IOException {
		RequiredTool.require("wharf.redis.required", "redis-server", "redis-server", "--version");
		RedisServer redis = new RedisServer(freePort(), password, Files.createTempDirectory("wharf-redis"));
		redis.start();
		return redis;
	}

	/**
	 * Starts the server again on its port, empty, after {@link #stop()} or
	 * {@link #kill()}.
	 * @throws IOException if it cannot start
	 */
	public void start() throws IOException {
		List<String> command = new ArrayList<>(
				List.of("redis-server", "--port", Integer.toString(this.port), "--bind", "127.0.0.1", "--save", "",
						"--appendonly", "no", "--dir", this.directory.toString(), "--protected-mode", "no"));
		if (this.password != null) {
			command.addAll(List.of("--requirepass", this.password));
		}
		this.process = new ProcessBuilder(command).redirectErrorStream(true)
			.redirectOutput(this.directory.resolve("redis.log").toFile())
			.start();
		await("redis-server on port " + this.port).atMost(Duration.ofSeconds(20))
			.pollInterval(Duration.ofMillis(20))
			.until(this::answers);
	}

	/** Stops the server the way a crash or a lost node would: at once. */
	public void kill() {
		Process running = this.process;
		if (running != null) {
			running.destroyForcibly();
			try {
				running.waitFor(20, TimeUnit.SECONDS);
			}
			catch (InterruptedException ex) {
				Thread.currentThread().interrupt();
			}
			this.process = null;
		}
	}

	/**
	 * The URL Spring Boot's {@code spring.data.redis.url} takes.
	 * @return e.g. {@code redis://127.0.0.1:6390}
	 */
	public String url() {
		return "redis://127.0.0.1:" + this.port;
	}

	public int port() {
		return this.port;
	}

	/**
	 * The server's process id, to read its CPU time.
	 * @return the pid, or -1 when it is not running
	 */
	public long pid() {
		Process running = this.process;
		return (running != null) ? running.pid() : -1;
	}

	/**
	 * Runs a command with {@code redis-cli} and returns its answer.
	 * @param words the command
	 * @return what redis-cli printed, trimmed
	 * @throws IOException if Redis does not answer
	 */
	public String command(String... words) throws IOException {
		List<String> command = new ArrayList<>(List.of("redis-cli", "-p", Integer.toString(this.port)));
		if (this.password != null) {
			command.addAll(List.of("--no-auth-warning", "-a", this.password));
		}
		command.addAll(List.of(words));
		Process cli = new ProcessBuilder(command).redirectErrorStream(true).start();
		String answer = new String(cli.getInputStream().readAllBytes(), StandardCharsets.UTF_8).strip();
		try {
			if (!cli.waitFor(10, TimeUnit.SECONDS) || cli.exitValue() != 0) {
				throw new IOException("redis-cli " + words[0] + " failed: " + answer);
			}
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new IOException(ex);
		}
		return answer;
	}

	private boolean answers() {
		try {
			return command("PING").equals("PONG");
		}
		catch (IOException ex) {
			return false;
		}
	}

	private static int freePort() throws IOException {
		try (ServerSocket socket = new ServerSocket(0)) {
			return socket.getLocalPort();
		}
	}

	@Override
	public void close() {
		kill();
	}

}
