package io.wharf.transport.tcp.admission;

import java.lang.management.ManagementFactory;

import com.sun.management.UnixOperatingSystemMXBean;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;

import static org.assertj.core.api.Assertions.assertThat;

@ExtendWith(OutputCaptureExtension.class)
class ProcessConnectionsTests {

	private final long descriptors = ((UnixOperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean())
		.getMaxFileDescriptorCount();

	@Test
	void readsTheSameLimitAsTheJvm() {
		assertThat(ProcessConnections.descriptorLimit()).isEqualTo(this.descriptors);
	}

	@Test
	void byDefaultTheCapLeavesDescriptorsForEverythingElse() {
		long max = ProcessConnections.of(null).max();
		assertThat(max).isLessThanOrEqualTo(this.descriptors - ProcessConnections.MIN_HEADROOM)
			.isLessThanOrEqualTo(this.descriptors - this.descriptors / 10)
			.isPositive();
	}

	@Test
	void aConfiguredCapAboveTheDescriptorLimitIsLoweredWithAWarning(CapturedOutput output) {
		assertThat(ProcessConnections.of(Integer.MAX_VALUE).max()).isEqualTo(ProcessConnections.of(null).max());
		assertThat(output).contains(
				"wharf.max-connections is 2147483647, but the process may open only " + this.descriptors + " files");
		assertThat(ProcessConnections.of(5).max()).isEqualTo(5);
	}

}
