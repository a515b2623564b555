package io.wharf.observe;

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

}
