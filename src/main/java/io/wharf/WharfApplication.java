package io.wharf;

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
		SpringApplication.run(WharfApplication.class, args);
	}

}
