package io.wharf.transport;

import java.io.IOException;
import java.net.DatagramSocket;
import java.net.ServerSocket;

import io.wharf.WharfApplication;
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
	void aUdpPortInUseFailsStartUpToo(CapturedOutput output) throws IOException {
		try (DatagramSocket taken = new DatagramSocket(0)) {
			int port = taken.getLocalPort();
			assertThatExceptionOfType(Exception.class).isThrownBy(() -> start("echo-udp", port));
			assertThat(output).contains(
					"Listener 'echo-udp' could not start: UDP port " + port + " on all interfaces was already in use.");
		}
	}

	@Test
	void describesAnAddressThatIsNotOnThisHost() {
		ListenerBindException failure = new ListenerBindException("echo-tcp", Protocol.TCP, 8888, "192.0.2.1",
				new java.net.BindException("Cannot assign requested address"));
		var analysis = new ListenerBindFailureAnalyzer().analyze(failure);
		assertThat(analysis.getDescription()).contains("TCP port 8888 on 192.0.2.1")
			.contains("Cannot assign requested address");
		assertThat(analysis.getAction()).contains("wharf.listeners.echo-tcp.bind-address");
	}

	private static void start(String listener, int port) {
		java.util.List<String> args = new java.util.ArrayList<>(java.util.List.of("--server.port=0"));
		for (String name : new String[] { "greeting-tcp", "greeting-udp", "echo-tcp", "echo-udp", "echo-line",
				"echo-framed" }) {
			args.add("--wharf.listeners." + name + ".port=" + (name.equals(listener) ? port : 0));
		}
		new SpringApplicationBuilder(WharfApplication.class).run(args.toArray(String[]::new)).close();
	}

}
