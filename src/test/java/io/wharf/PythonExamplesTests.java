package io.wharf;

import java.nio.file.Path;
import java.util.Map;

import io.wharf.transport.Listeners;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Runs the Python clients under {@code examples/python} against the running service
 * (skipped where python3 is missing, see {@link Python}).
 */
@WharfTest
class PythonExamplesTests {

	private static final Path EXAMPLES = Path.of("examples", "python");

	@Autowired
	private Listeners listeners;

	@BeforeAll
	static void requirePython() {
		Python.require();
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
		Python.Result result = Python.run(Map.of(), stdin, EXAMPLES.resolve(script).toString(), args);
		assertThat(result.exitCode()).as(result.output()).isZero();
		return result.output();
	}

}
