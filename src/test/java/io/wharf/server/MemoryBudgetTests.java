package io.wharf.server;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** Netty's direct memory is capped at a quarter of the heap, unless the operator said. */
class MemoryBudgetTests {

	@Test
	void directMemoryIsAQuarterOfTheHeap() {
		assertThat(MemoryBudget.directBytes(512L << 20)).isEqualTo(128L << 20);
	}

	@Test
	void anOperatorsSettingWins() {
		String before = System.getProperty("io.netty.maxDirectMemory");
		try {
			System.setProperty("io.netty.maxDirectMemory", "12345");
			MemoryBudget.apply();
			assertThat(System.getProperty("io.netty.maxDirectMemory")).isEqualTo("12345");
			System.clearProperty("io.netty.maxDirectMemory");
			MemoryBudget.apply();
			assertThat(System.getProperty("io.netty.maxDirectMemory"))
				.isEqualTo(Long.toString(MemoryBudget.directBytes(Runtime.getRuntime().maxMemory())));
		}
		finally {
			if (before != null) {
				System.setProperty("io.netty.maxDirectMemory", before);
			}
			else {
				System.clearProperty("io.netty.maxDirectMemory");
			}
		}
	}

}
