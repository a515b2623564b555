package io.wharf.observe;

import java.time.Duration;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class LogThrottleTests {

	@Test
	void admitsTheFirstOfAKindAndHoldsBackTheRest() {
		LogThrottle throttle = new LogThrottle();
		assertThat(throttle.admit("frame_too_large")).isZero();
		assertThat(throttle.admit("frame_too_large")).isEqualTo(-1);
		assertThat(throttle.admit("frame_too_large")).isEqualTo(-1);
		assertThat(throttle.admit("malformed_frame")).isZero();
	}

	@Test
	void admitsARateOfLinesAndThenSaysHowManyWereHeldBack() {
		LogThrottle throttle = new LogThrottle(3, Duration.ofMillis(50));
		for (int i = 0; i < 3; i++) {
			assertThat(throttle.admit("session")).isZero();
		}
		for (int i = 0; i < 1000; i++) {
			assertThat(throttle.admit("session")).isEqualTo(-1);
		}
		long start = System.nanoTime();
		long heldBack;
		do {
			heldBack = throttle.admit("session");
		}
		while (heldBack < 0 && System.nanoTime() - start < Duration.ofSeconds(10).toNanos());
		assertThat(heldBack).isGreaterThanOrEqualTo(1000);
	}

}
