package io.wharf;

import java.net.URL;
import java.security.CodeSource;

import sun.misc.Signal;

import org.springframework.aot.AotDetector;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.SpringBootConfiguration;
import org.springframework.boot.autoconfigure.EnableAutoConfiguration;

/**
 * Starts Wharf as its own server: the listeners declared under {@code wharf.listeners}
 * plus Actuator, with the server's configuration ({@code wharf/application.yml}). Every
 * bean comes from {@link io.wharf.autoconfigure.WharfAutoConfiguration}, exactly as in an
 * application that uses Wharf as a starter.
 */
@SpringBootConfiguration(proxyBeanMethods = false)
@EnableAutoConfiguration
public class WharfApplication {

	public static void main(String[] args) {
		exitCleanlyOnTerm();
		startOnSpringAotWhenPackaged();
		SpringApplication.run(WharfApplication.class, args);
	}

	/**
	 * The packaged server starts on Spring AOT's generated bean definitions, which its
	 * build made, without being asked to: a plain {@code java -jar} is about half a
	 * second faster ({@code docs/benchmarks.md}). {@code -Dspring.aot.enabled=false}
	 * starts it the usual way; so does a configuration that decides other beans than at
	 * build time ({@code SpringAotGuard}). A run from the source tree
	 * ({@code spring-boot:run}, an IDE) starts the usual way too, since its generated
	 * code may be older than its classes.
	 */
	private static void startOnSpringAotWhenPackaged() {
		if (System.getProperty(AotDetector.AOT_ENABLED) != null || Boolean.getBoolean("spring.aot.processing")) {
			return;
		}
		CodeSource source = WharfApplication.class.getProtectionDomain().getCodeSource();
		URL location = (source != null) ? source.getLocation() : null;
		boolean fromClassesDirectory = location == null
				|| ("file".equals(location.getProtocol()) && location.getPath().endsWith("/"));
		boolean generated = WharfApplication.class
			.getResource("WharfApplication__ApplicationContextInitializer.class") != null;
		if (!fromClassesDirectory && generated) {
			System.setProperty(AotDetector.AOT_ENABLED, "true");
		}
	}

	/**
	 * SIGTERM is how Kubernetes and container runtimes ask a server to stop. The JVM's
	 * own handler runs the shutdown hooks (Spring's drain) but then exits with 143, which
	 * reads as a failure; a drain that finished is a clean exit, so the exit code is 0.
	 */
	private static void exitCleanlyOnTerm() {
		try {
			Signal.handle(new Signal("TERM"), (signal) -> new Thread(() -> System.exit(0), "wharf-sigterm").start());
		}
		catch (IllegalArgumentException ex) {
			// No SIGTERM on this platform, or it is reserved: keep the JVM's handling.
		}
	}

}
