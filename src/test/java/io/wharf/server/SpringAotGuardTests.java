package io.wharf.server;

import io.wharf.WharfApplication;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.logging.DeferredLogs;
import org.springframework.mock.env.MockEnvironment;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The Spring AOT guard acts for Wharf's own server only: an application that depends on
 * Wharf makes its own choices about Spring AOT.
 */
class SpringAotGuardTests {

	@AfterEach
	void clear() {
		System.clearProperty("spring.aot.processing");
	}

	@Test
	void recordsConditionReadsWhileWharfItselfIsAotProcessed() {
		System.setProperty("spring.aot.processing", "true");
		MockEnvironment environment = new MockEnvironment();
		new SpringAotGuard(new DeferredLogs()).postProcessEnvironment(environment,
				new SpringApplication(WharfApplication.class));
		assertThat(environment.getPropertySources().contains(ConditionReads.NAME)).isTrue();
	}

	@Test
	void isInertInAnotherApplication() {
		System.setProperty("spring.aot.processing", "true");
		MockEnvironment environment = new MockEnvironment();
		new SpringAotGuard(new DeferredLogs()).postProcessEnvironment(environment,
				new SpringApplication(SpringAotGuardTests.class));
		assertThat(environment.getPropertySources().contains(ConditionReads.NAME)).isFalse();
	}

}
