package io.wharf.transport.udp;

import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.TimeUnit;

import io.wharf.transport.udp.LoopGuard.Verdict;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** Which sources the loop guard takes for a loop, on a clock of its own. */
class LoopGuardTests {

	private static final long MILLI = TimeUnit.MILLISECONDS.toNanos(1);

	private static final byte[] PING = "ping".getBytes(StandardCharsets.US_ASCII);

	private final InetSocketAddress peer = new InetSocketAddress("192.0.2.1", 40_000);

	private final LoopGuard loops = new LoopGuard();

	@Test
	void aSourceThatSendsBackEachReplyAtOnceIsALoopAndCoolsOff() {
		long now = 0;
		for (int i = 1; i < LoopGuard.REFLECTIONS; i++) {
			this.loops.replied(this.peer, PING, now);
			now += MILLI / 10;
			assertThat(receive(PING, now)).as("reflection %d", i).isEqualTo(Verdict.NONE);
		}
		this.loops.replied(this.peer, PING, now);
		assertThat(receive(PING, now + 1)).isEqualTo(Verdict.STARTED);
		assertThat(receive("anything else".getBytes(StandardCharsets.US_ASCII), now + 1000 * MILLI))
			.isEqualTo(Verdict.COOLING);
		long after = now + LoopGuard.COOL_OFF.toNanos() + MILLI;
		assertThat(receive(PING, after)).as("cooled off").isEqualTo(Verdict.NONE);
	}

	@Test
	void theSamePayloadOnceASecondIsNeverALoop() {
		long now = 0;
		for (int i = 0; i < 10 * LoopGuard.REFLECTIONS; i++) {
			this.loops.replied(this.peer, PING, now);
			now += 1000 * MILLI;
			assertThat(receive(PING, now)).isEqualTo(Verdict.NONE);
		}
	}

	@Test
	void anythingElseInBetweenStartsTheCountAgain() {
		long now = 0;
		for (int i = 0; i < 10 * LoopGuard.REFLECTIONS; i++) {
			this.loops.replied(this.peer, PING, now);
			now += MILLI;
			byte[] sent = (i % (LoopGuard.REFLECTIONS - 1) == 0) ? "pong".getBytes(StandardCharsets.US_ASCII) : PING;
			assertThat(receive(sent, now)).isEqualTo(Verdict.NONE);
		}
	}

	@Test
	void aSourceNeverAnsweredIsNotLookedAt() {
		for (int i = 0; i < 10 * LoopGuard.REFLECTIONS; i++) {
			assertThat(receive(PING, i)).isEqualTo(Verdict.NONE);
		}
	}

	private Verdict receive(byte[] payload, long now) {
		byte[] buffer = new byte[payload.length + 8];
		System.arraycopy(payload, 0, buffer, 4, payload.length);
		return this.loops.received(this.peer, buffer, 4, payload.length, now);
	}

}
