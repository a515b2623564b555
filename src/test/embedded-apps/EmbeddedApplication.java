package bench;

import java.lang.management.ManagementFactory;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * Starts, says how long that took (JVM uptime and CPU when the application is ready) and
 * how many beans it made, and stops.
 */
@SpringBootApplication
public class EmbeddedApplication {

	public static void main(String[] args) {
		ConfigurableApplicationContext context = SpringApplication.run(EmbeddedApplication.class, args);
		long uptime = ManagementFactory.getRuntimeMXBean().getUptime();
		long cpu = ((com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean())
			.getProcessCpuTime() / 1_000_000;
		System.out.println("bench-ready uptime_ms=" + uptime + " cpu_ms=" + cpu + " beans="
				+ context.getBeanDefinitionCount());
		context.close();
	}

}
