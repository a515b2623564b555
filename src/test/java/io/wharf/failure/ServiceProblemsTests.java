package io.wharf.failure;

import java.util.ArrayList;
import java.util.List;

import io.wharf.WharfApplication;
import io.wharf.api.Answer;
import io.wharf.api.Datagram;
import io.wharf.api.SocketService;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import static org.assertj.core.api.Assertions.assertThatExceptionOfType;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * A listener that cannot use the service it names stops start-up, saying why: the bean is
 * no service, or the service does not handle the listener's protocol.
 */
@ExtendWith(OutputCaptureExtension.class)
class ServiceProblemsTests {

	@Test
	void aBeanThatIsNoServiceIsReportedAsSuch(CapturedOutput output) {
		assertThatExceptionOfType(Exception.class).isThrownBy(() -> start("--wharf.listeners.x.protocol=tcp",
				"--wharf.listeners.x.port=0", "--wharf.listeners.x.service=notAService"));
		assertThat(output).contains("APPLICATION FAILED TO START")
			.contains("Listener 'x' names service 'notAService' (wharf.listeners.x.service), but the bean "
					+ "'notAService' is a java.lang.String and not an io.wharf.api.SocketService.")
			.doesNotContain("which does not exist");
	}

	@Test
	void aTcpListenerNeedsAServiceThatReceivesFrames(CapturedOutput output) {
		assertThatExceptionOfType(Exception.class).isThrownBy(() -> start("--wharf.listeners.x.protocol=tcp",
				"--wharf.listeners.x.port=0", "--wharf.listeners.x.service=clock"));
		assertThat(output).contains("Listener 'x' names service 'clock' (wharf.listeners.x.service)")
			.contains("does not implement received(...), which every frame of a TCP session goes to.");
	}

	@Test
	void aUdpOnlyServiceServesAUdpListener() {
		start("--wharf.listeners.x.protocol=udp", "--wharf.listeners.x.port=0", "--wharf.listeners.x.service=clock");
	}

	private static void start(String... more) {
		List<String> args = new ArrayList<>(List.of("--server.port=0"));
		for (String name : new String[] { "greeting-tcp", "greeting-udp", "echo-tcp", "echo-udp", "echo-line",
				"echo-framed" }) {
			args.add("--wharf.listeners." + name + ".enabled=false");
		}
		args.addAll(List.of(more));
		new SpringApplicationBuilder(WharfApplication.class, Beans.class).run(args.toArray(String[]::new)).close();
	}

	@Configuration(proxyBeanMethods = false)
	static class Beans {

		@Bean
		String notAService() {
			return "hello";
		}

		/** A UDP-only service: it implements datagram and nothing else. */
		@Bean
		SocketService<Void> clock() {
			return new SocketService<>() {

				@Override
				public void datagram(Datagram datagram, Answer answer) {
					answer.send("12:00");
				}

			};
		}

	}

}
