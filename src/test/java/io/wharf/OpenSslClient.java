package io.wharf;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.fail;

/**
 * Runs {@code openssl s_client} as a user would try a TLS listener. Tests that need it
 * skip where openssl is missing, unless {@code -Dwharf.openssl.required=true} or
 * {@code CI=true}, where they fail instead.
 */
public final class OpenSslClient {

	private OpenSslClient() {
	}

	/** Skips the calling test (or fails it in CI) when openssl is not on the PATH. */
	public static void require() {
		RequiredTool.require("wharf.openssl.required", "openssl", "openssl", "version");
	}

	/**
	 * Connects, verifying the server against an authority, sends what stdin holds and
	 * reads until the server closes (30 seconds at most).
	 * @param port the listener's port
	 * @param authority the CA file
	 * @param stdin what the client sends
	 * @param extra more s_client options
	 * @return what s_client printed, stdout and stderr merged
	 * @throws IOException if openssl cannot start
	 * @throws InterruptedException if interrupted while waiting
	 */
	public static String converse(int port, Path authority, String stdin, String... extra)
			throws IOException, InterruptedException {
		List<String> command = new ArrayList<>(List.of("openssl", "s_client", "-connect", "127.0.0.1:" + port,
				"-CAfile", authority.toString(), "-verify_return_error", "-verify_hostname", "localhost", "-quiet"));
		command.addAll(List.of(extra));
		Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
		process.getOutputStream().write(stdin.getBytes(StandardCharsets.UTF_8));
		process.getOutputStream().close();
		if (!process.waitFor(30, TimeUnit.SECONDS)) {
			process.destroyForcibly();
			fail("openssl s_client did not finish in 30 seconds");
		}
		return new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
	}

}
