package io.wharf.transport;

import java.util.List;

import io.micrometer.core.instrument.MeterRegistry;
import io.wharf.WharfApplication;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.context.ConfigurableApplicationContext;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * What a person starting Wharf with the shipped configuration sees: one table of what is
 * served and no line per Spring Integration component on the console, and the greeting's
 * meters at 0 before the first session.
 */
@ExtendWith(OutputCaptureExtension.class)
class StartupTableTests {

	@Test
	void startUpPrintsOneTableOfWhatIsServed(CapturedOutput output) {
		try (ConfigurableApplicationContext context = new SpringApplicationBuilder(WharfApplication.class).run(
				"--server.port=0", "--wharf.listeners.greeting-tcp.port=0", "--wharf.listeners.greeting-udp.port=0",
				"--wharf.listeners.echo-tcp.port=0", "--wharf.listeners.echo-udp.port=0",
				"--wharf.listeners.echo-line.port=0", "--wharf.listeners.echo-framed.port=0")) {
			Listeners listeners = context.getBean(Listeners.class);
			MeterRegistry registry = context.getBean(MeterRegistry.class);
			// Dashboards show 0, not "no data", before the first greeting session.
			assertThat(registry.get("wharf.greeting.sessions.active")
				.tags("listener", "greeting-tcp", "state", "awaiting_name")
				.gauge()
				.value()).isZero();
			assertThat(registry.get("wharf.greetings").tags("listener", "greeting-udp").counter().count()).isZero();
			String table = output.toString().substring(output.toString().indexOf("Serving 6 listeners:"));
			List<String[]> rows = table.lines()
				.skip(1)
				.limit(7)
				.map(String::strip)
				.map((row) -> row.split("\\s+", 5))
				.toList();
			assertThat(rows.get(0)).containsExactly("listener", "protocol", "address", "service", "framing");
			assertThat(rows.subList(1, 7).stream().mapToInt((row) -> Integer.parseInt(row[2].substring(2)))).isSorted();
			assertThat(rows.subList(1, 7)).containsExactlyInAnyOrder(
					row("greeting-tcp", "tcp", listeners.port("greeting-tcp"), "greeting", "raw"),
					row("greeting-udp", "udp", listeners.port("greeting-udp"), "greeting", "datagram"),
					row("echo-tcp", "tcp", listeners.port("echo-tcp"), "echo", "raw"),
					row("echo-udp", "udp", listeners.port("echo-udp"), "echo", "datagram"),
					row("echo-line", "tcp", listeners.port("echo-line"), "echo", "line"), row("echo-framed", "tcp",
							listeners.port("echo-framed"), "echo", "length-prefix (4 bytes, big-endian)"));
		}
		assertThat(output).doesNotContain("o.s.i.").doesNotContain("started bean").doesNotContain("Adding {");
	}

	private static String[] row(String name, String protocol, int port, String service, String framing) {
		return new String[] { name, protocol, "*:" + port, service, framing };
	}

}
