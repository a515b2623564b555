package io.wharf;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

import io.wharf.transport.Listeners;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;
import static org.junit.jupiter.api.Assumptions.abort;

/**
 * Runs the Python clients under {@code examples/python} against the running service.
 * Skips where python3 is missing, unless {@code -Dwharf.python.required=true} or
 * {@code CI=true}.
 */
@WharfTest
class PythonExamplesTests {

	private static final Path EXAMPLES = Path.of("examples", "python");

	@Autowired
	private Listeners listeners;

	@BeforeAll
	static void requirePython() {
		if (!pythonAvailable()) {
			if (Boolean.getBoolean("wharf.python.required") || "true".equals(System.getenv("CI"))) {
				fail("python3 is required (wharf.python.required=true or CI=true) but was not found on PATH");
			}
			abort("python3 not found; these tests run in CI");
		}
	}

	@Test
	void greetingClient() throws Exception {
		assertThat(run("Michael\nexit\n", "greeting_client.py", "127.0.0.1", port("greeting-tcp")))
			.isEqualTo("Server: Welcome!\nServer: What's your name\n"
					+ "Server: Hello Michael!\nServer: What's your name\n" + "Server: Good bye!\n\n");
	}

	@Test
	void tcpEchoClient() throws Exception {
		assertThat(run("", "tcp_echo_client.py", "127.0.0.1", port("echo-tcp")))
			.isEqualTo("Received b'Hello, world'\n");
	}

	@Test
	void udpEchoClient() throws Exception {
		assertThat(run("", "udp_echo_client.py", "127.0.0.1", port("echo-udp"))).isEqualTo("Received b'Hello, UDP'\n");
	}

	@Test
	void lengthPrefixedClientBigAndLittleEndian() throws Exception {
		String expected = "Received b'first'\nReceived b'a second, longer message'\nReceived b''\n";
		assertThat(run("", "length_prefixed_client.py", "127.0.0.1", port("echo-framed"))).isEqualTo(expected);
		assertThat(run("", "length_prefixed_client.py", "127.0.0.1", port("echo-int-le"), "--little-endian"))
			.isEqualTo(expected);
	}

	private String port(String listener) {
		return Integer.toString(this.listeners.port(listener));
	}

	private static String run(String stdin, String script, String... args) throws Exception {
		List<String> command = new ArrayList<>(List.of("python3", EXAMPLES.resolve(script).toString()));
		command.addAll(List.of(args));
		Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
		process.getOutputStream().write(stdin.getBytes(StandardCharsets.UTF_8));
		process.getOutputStream().close();
		if (!process.waitFor(30, TimeUnit.SECONDS)) {
			process.destroyForcibly();
			fail(script + " did not finish in 30 seconds");
		}
		String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
		assertThat(process.exitValue()).as(output).isZero();
		return output;
	}

	private static boolean pythonAvailable() {
		try {
			return new ProcessBuilder("python3", "--version").start().waitFor(10, TimeUnit.SECONDS);
		}
		catch (IOException | InterruptedException ex) {
			return false;
		}
	}

}
