package io.wharf.transport.tcp.connection;

import java.util.HashSet;
import java.util.Set;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A session's age limit is the maximum age less up to a tenth, different from one session
 * to the next and the same for one session whenever it is asked.
 */
class DeadlinesTests {

	private static final long HOUR = TimeUnit.HOURS.toNanos(1);

	@Test
	void eachSessionClosesWithinTheLastTenthOfTheMaximumAge() {
		Deadlines deadlines = new Deadlines(0, 0, 0, HOUR);
		Set<Long> limits = new HashSet<>();
		for (int session = 0; session < 1_000; session++) {
			long openedAt = 1_000_000_007L + session * 1_234_567L;
			long limit = limit(deadlines, openedAt);
			assertThat(limit).isBetween(HOUR - HOUR / 10, HOUR);
			assertThat(limit(deadlines, openedAt)).isEqualTo(limit);
			limits.add(limit);
		}
		assertThat(limits).hasSizeGreaterThan(900);
		long lowest = limits.stream().mapToLong(Long::longValue).min().getAsLong();
		long highest = limits.stream().mapToLong(Long::longValue).max().getAsLong();
		assertThat(highest - lowest).as("spread over most of the tenth").isGreaterThan(HOUR / 12);
	}

	@Test
	void noMaximumAgeNeverCloses() {
		assertThat(new Deadlines(0, 0, 0, 0).overAge(0, Long.MAX_VALUE)).isFalse();
	}

	/** The shortest age at which a session opened at that moment is over age. */
	private static long limit(Deadlines deadlines, long openedAt) {
		long low = 0;
		long high = HOUR;
		while (low < high) {
			long age = (low + high) >>> 1;
			if (deadlines.overAge(openedAt, openedAt + age)) {
				high = age;
			}
			else {
				low = age + 1;
			}
		}
		return low;
	}

}
