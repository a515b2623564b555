package io.wharf.transport.tcp.framing;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class DelimiterDecoderTests {

	@Test
	void framesEndAtTheDelimiterWhichIsStripped() {
		assertThat(Frames.delimiter(null, "\\0", 100).read("one\0two\0\0").texts()).containsExactly("one", "two", "");
	}

	@Test
	void aMultiByteDelimiterSplitAcrossReads() {
		assertThat(Frames.delimiter(null, "\\r\\n", 100).read("ab\r").read("\ncd\r\n").texts()).containsExactly("ab",
				"cd");
		assertThat(Frames.delimiter(null, "\\r\\n", 5).trickle(Frames.bytes("12345\r\n")).texts())
			.containsExactly("12345");
	}

	@Test
	void withAStartDelimiterGarbageBetweenFramesIsSkipped() {
		Frames frames = Frames.delimiter("\\x02", "\\x03", 16);
		assertThat(frames.read("noise\u0002first\u0003\r\n\u0002second\u0003junk\u0003").texts())
			.containsExactly("first", "second");
		assertThat(frames.trickle(Frames.bytes("xx\u0002third\u0003")).texts()).containsExactly("third");
	}

	@Test
	void theLimitCountsTheContentOnly() {
		assertThat(Frames.delimiter("\\x02", "\\x03", 5).read("\u000212345\u0003").texts()).containsExactly("12345");
		FrameException error = Frames.delimiter("\\x02", "\\x03", 5).read("\u0002123456\u0003").error();
		assertThat(error.getMessage()).isEqualTo("frame of 6 bytes exceeds max-frame-size of 5 bytes");
	}

	@Test
	void aFrameThatCannotEndWithinTheLimitFailsBeforeItsEnd() {
		FrameException error = Frames.delimiter("\\x02", "\\x03", 16).read("\u0002" + "z".repeat(40)).error();
		assertThat(error.tooLarge()).isTrue();
		assertThat(error.getMessage()).isEqualTo("frame exceeds max-frame-size of 16 bytes");
	}

	@Test
	void aFrameCutByTheClientClosingIsNotDelivered() {
		assertThat(Frames.delimiter(null, "\\0", 100).read("done\0half").close()).hasSize(1);
	}

	@Test
	void repliesAreWrappedInTheDelimiters() {
		assertThat(Frames.delimiter("\\x02", "\\x03", 100).encode("ok")).isEqualTo(Frames.bytes("\u0002ok\u0003"));
		assertThat(Frames.delimiter(null, "\\0", 100).encode("ok")).isEqualTo(Frames.bytes("ok\0"));
	}

}
