package io.wharf;

import sun.misc.Signal;

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
		SpringApplication.run(WharfApplication.class, args);
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
