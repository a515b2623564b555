package io.wharf.transport.udp;

import java.net.InetAddress;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class SourceBudgetsTests {

	private static final long SECOND = TimeUnit.SECONDS.toNanos(1);

	private final InetAddress client = InetAddress.getLoopbackAddress();

	@Test
	void aSourceSendsItsBurstThenItsRate() throws Exception {
		SourceBudgets budgets = new SourceBudgets(2, 3, 1.0, 0);
		long now = 1_000;
		for (int i = 0; i < 3; i++) {
			assertThat(budgets.admit(this.client, 10, now)).isTrue();
		}
		assertThat(budgets.admit(this.client, 10, now)).isFalse();
		assertThat(budgets.admit(this.client, 10, now + SECOND / 2)).isTrue();
		assertThat(budgets.admit(this.client, 10, now + SECOND / 2)).isFalse();
		assertThat(budgets.admit(InetAddress.getByName("192.0.2.1"), 10, now)).as("another source").isTrue();
	}

	@Test
	void aRateOfZeroLimitsNothing() {
		SourceBudgets budgets = new SourceBudgets(0, 1, 1.0, 0);
		for (int i = 0; i < 100_000; i++) {
			assertThat(budgets.admit(this.client, 1, 0)).isTrue();
		}
	}

	@Test
	void anEchoAlwaysFitsARatioOfOne() {
		SourceBudgets budgets = new SourceBudgets(0, 1, 1.0, 0);
		for (int size : new int[] { 0, 1, 512, 65_507 }) {
			budgets.admit(this.client, size, 0);
			assertThat(budgets.reply(this.client, size, 0, false)).as("%d bytes", size).isTrue();
		}
		assertThat(budgets.reply(this.client, 1, 0, false)).as("a second reply to one request").isFalse();
	}

	@Test
	void longerRepliesSpendTheAllowanceWhichRefillsPerMinute() {
		SourceBudgets budgets = new SourceBudgets(0, 1, 1.0, 100);
		budgets.admit(this.client, 1, 0);
		assertThat(budgets.reply(this.client, 41, 0, false)).isTrue();
		budgets.admit(this.client, 1, 0);
		assertThat(budgets.reply(this.client, 41, 0, false)).isTrue();
		budgets.admit(this.client, 1, 0);
		assertThat(budgets.reply(this.client, 41, 0, false)).as("allowance spent").isFalse();
		assertThat(budgets.reply(this.client, 41, 30 * SECOND, false)).as("half a minute refills 50 bytes").isTrue();
	}

	@Test
	void creditFromOneRequestDoesNotPileUp() {
		SourceBudgets budgets = new SourceBudgets(0, 1, 1.0, 0);
		for (int i = 0; i < 10; i++) {
			budgets.admit(this.client, 65_507, 0);
		}
		assertThat(budgets.reply(this.client, 65_535, 0, false)).isTrue();
		assertThat(budgets.reply(this.client, 65_535, 0, false)).isFalse();
	}

	@Test
	void aFloodOfOneOffSourcesStaysBoundedAndLeavesARegularClientItsBudget() throws Exception {
		SourceBudgets budgets = new SourceBudgets(1, 1, 1.0, 0);
		InetAddress regular = InetAddress.getByName("192.0.2.7");
		assertThat(budgets.admit(regular, 1, 0)).isTrue();
		for (int i = 0; i < 10; i++) {
			assertThat(budgets.admit(regular, 1, 0)).as("over its rate").isFalse();
		}
		byte[] address = { 10, 0, 0, 0 };
		for (int i = 0; i < 2 * SourceBudgets.MAX_SOURCES; i++) {
			address[1] = (byte) (i >> 16);
			address[2] = (byte) (i >> 8);
			address[3] = (byte) i;
			budgets.admit(InetAddress.getByAddress(address), 1, 0);
			if (i % 100 == 0) {
				// The regular client keeps talking through the flood.
				assertThat(budgets.admit(regular, 1, 0)).as("still known, %d in", i).isFalse();
			}
		}
		assertThat(budgets.size()).isLessThanOrEqualTo(SourceBudgets.MAX_SOURCES);
		assertThat(budgets.admit(regular, 1, 0)).as("still known, so still over its rate").isFalse();
	}

	@Test
	void aReplyLetThroughRegardlessSpendsWhatThereIs() {
		SourceBudgets budgets = new SourceBudgets(0, 1, 1.0, 0);
		budgets.admit(this.client, 10, 0);
		assertThat(budgets.reply(this.client, 30, 0, true)).as("not covered, sent all the same").isFalse();
		assertThat(budgets.reply(this.client, 1, 0, false)).as("the credit is spent").isFalse();
	}

}
