package io.wharf.failure;

import java.io.IOException;
import java.net.DatagramSocket;
import java.net.ServerSocket;

import io.wharf.WharfApplication;
import io.wharf.config.Protocol;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

@ExtendWith(OutputCaptureExtension.class)
class PortInUseTests {

	@Test
	void aTcpPortInUseFailsStartUpNamingTheListenerAndWhatToChange(CapturedOutput output) throws IOException {
		try (ServerSocket taken = new ServerSocket(0)) {
			int port = taken.getLocalPort();
			assertThatExceptionOfType(Exception.class).isThrownBy(() -> start("echo-line", port))
				.havingRootCause()
				.isInstanceOf(IOException.class)
				.withMessageContaining("in use");
			assertThat(output).contains("APPLICATION FAILED TO START")
				.contains("Listener 'echo-line' could not start: TCP port " + port
						+ " on all interfaces was already in use.")
				.contains("--wharf.listeners.echo-line.port=<free port>")
				.contains("--wharf.listeners.echo-line.enabled=false");
		}
	}

	@Test
	void aUdpPortInUseFailsStartUpEvenWhenItsOwnerAllowsSharing(CapturedOutput output) throws IOException {
		// A second instance must not silently share the port and take the first's
		// datagrams, as it did when both set SO_REUSEADDR.
		try (DatagramSocket taken = new DatagramSocket(null)) {
			taken.setReuseAddress(true);
			taken.bind(new java.net.InetSocketAddress(0));
			int port = taken.getLocalPort();
			assertThatExceptionOfType(Exception.class).isThrownBy(() -> start("echo-udp", port));
			assertThat(output).contains(
					"Listener 'echo-udp' could not start: UDP port " + port + " on all interfaces was already in use.");
		}
	}

	@Test
	void everyListenerThatCannotBindIsReportedInOneFailure(CapturedOutput output) throws IOException {
		try (ServerSocket tcp = new ServerSocket(0); DatagramSocket udp = new DatagramSocket(0)) {
			java.util.Map<String, Integer> ports = java.util.Map.of("echo-line", tcp.getLocalPort(), "greeting-udp",
					udp.getLocalPort());
			assertThatExceptionOfType(Exception.class).isThrownBy(() -> start(ports));
			assertThat(output).contains("Listener 'greeting-udp' could not start: UDP port " + udp.getLocalPort())
				.contains("Listener 'echo-line' could not start: TCP port " + tcp.getLocalPort())
				.contains("--wharf.listeners.greeting-udp.port=<free port>")
				.contains("--wharf.listeners.echo-line.port=<free port>");
		}
	}

	@Test
	void anUnknownServiceFailsStartUpListingTheServicesThatExist(CapturedOutput output) {
		assertThatExceptionOfType(Exception.class)
			.isThrownBy(() -> start(java.util.Map.of(), "--wharf.listeners.echo-tcp.service=chat"));
		assertThat(output).contains("APPLICATION FAILED TO START")
			.contains("Listener 'echo-tcp' names service 'chat' (wharf.listeners.echo-tcp.service), which does not "
					+ "exist.")
			.contains("The services are: echo, greeting.")
			.contains("io.wharf.api.SocketService");
	}

	@Test
	void aBadSettingFailsStartUpNamingThePropertyItsValueAndTheRule(CapturedOutput output) {
		assertThatExceptionOfType(Exception.class).isThrownBy(() -> start(java.util.Map.of(),
				"--wharf.listeners.echo-line.max-connections=0", "--wharf.listeners.extra.protocol=tcp",
				"--wharf.listeners.extra.port=70000", "--wharf.listeners.extra.service=echo"));
		assertThat(output).contains("APPLICATION FAILED TO START")
			.contains("Property: wharf.listeners[extra].port")
			.contains("Value: \"70000\"")
			.contains("Reason: must be between 0 and 65535")
			.contains("Property: wharf.listeners[echo-line].max-connections")
			.contains("Reason: must be at least 1");
	}

	@Test
	void describesAnAddressThatIsNotOnThisHost() {
		ListenerBindException failure = new ListenerBindException("echo-tcp", Protocol.TCP, 8888, "192.0.2.1",
				new java.net.BindException("Cannot assign requested address"));
		var analysis = new ListenerBindFailureAnalyzer().analyze(new ListenerBindFailures(java.util.List.of(failure)));
		assertThat(analysis.getDescription()).contains("TCP port 8888 on 192.0.2.1")
			.contains("Cannot assign requested address");
		assertThat(analysis.getAction()).contains("wharf.listeners.echo-tcp.bind-address");
	}

	private static void start(String listener, int port) {
		start(java.util.Map.of(listener, port));
	}

	private static void start(java.util.Map<String, Integer> taken, String... more) {
		java.util.List<String> args = new java.util.ArrayList<>(java.util.List.of("--server.port=0"));
		args.addAll(java.util.List.of(more));
		for (String name : new String[] { "greeting-tcp", "greeting-udp", "echo-tcp", "echo-udp", "echo-line",
				"echo-framed" }) {
			args.add("--wharf.listeners." + name + ".port=" + taken.getOrDefault(name, 0));
		}
		new SpringApplicationBuilder(WharfApplication.class).run(args.toArray(String[]::new)).close();
	}

}
