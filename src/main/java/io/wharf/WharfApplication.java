package io.wharf;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;

/**
 * Starts Wharf: the listeners declared under {@code wharf.listeners} plus Actuator.
 */
@SpringBootApplication
@ConfigurationPropertiesScan
public class WharfApplication {

	public static void main(String[] args) {
		SpringApplication.run(WharfApplication.class, args);
	}

}
