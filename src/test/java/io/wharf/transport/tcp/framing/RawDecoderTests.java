package io.wharf.transport.tcp.framing;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class RawDecoderTests {

	@Test
	void eachReadIsAMessage() {
		assertThat(Frames.raw(100).read("one read\nwith two lines").read("another").texts())
			.containsExactly("one read\nwith two lines", "another");
	}

	@Test
	void aReadLargerThanTheLimitIsCutIntoPieces() {
		assertThat(Frames.raw(4).read("abcdefghij").texts()).containsExactly("abcd", "efgh", "ij");
	}

	@Test
	void largeReadsAreCutAt64Kilobytes() {
		assertThat(Frames.raw(1 << 20).read(new byte[100_000]).frames()).extracting((frame) -> frame.length)
			.containsExactly(65_536, 100_000 - 65_536);
	}

	@Test
	void repliesGoOutAsTheyAre() {
		assertThat(Frames.raw(100).encode("as is")).isEqualTo(Frames.bytes("as is"));
	}

}
