package io.wharf.transport.tcp.framing;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class LineDecoderTests {

	@Test
	void coalescedLinesAreSeparateFramesKeepingTheirEndings() {
		assertThat(Frames.line(100).read("one\ntwo\r\nthree\n").texts()).containsExactly("one\n", "two\r\n", "three\n");
	}

	@Test
	void aLineSplitAcrossReadsIsOneFrame() {
		assertThat(Frames.line(100).read("hel").read("lo\r").read("\n").texts()).containsExactly("hello\r\n");
		assertThat(Frames.line(100).trickle(Frames.bytes("byte by byte\n")).texts()).containsExactly("byte by byte\n");
	}

	@Test
	void anEmptyLineIsAFrame() {
		assertThat(Frames.line(100).read("\n\r\n").texts()).containsExactly("\n", "\r\n");
	}

	@Test
	void theLimitCountsTheLineWithoutItsEnding() {
		assertThat(Frames.line(5).read("12345\r\n").texts()).containsExactly("12345\r\n");
		assertThat(Frames.line(5).read("12345\r").read("\n").texts()).containsExactly("12345\r\n");
		assertThat(Frames.line(5).read("123456\n").error().getMessage())
			.isEqualTo("frame of 6 bytes exceeds max-frame-size of 5 bytes");
	}

	@Test
	void aLineThatCannotEndWithinTheLimitFailsBeforeItsEnd() {
		FrameException error = Frames.line(5).read("1234567").error();
		assertThat(error.tooLarge()).isTrue();
		assertThat(error.getMessage()).isEqualTo("frame exceeds max-frame-size of 5 bytes");
		assertThat(error.errorType()).isEqualTo("frame_too_large");
	}

	@Test
	void aLineCutByTheClientClosingIsNotDelivered() {
		assertThat(Frames.line(100).read("complete\nhalf a li").close()).hasSize(1);
	}

	@Test
	void repliesGetALineEndingUnlessTheyHaveOne() {
		Frames frames = Frames.line(100);
		assertThat(frames.encode("hello")).isEqualTo(Frames.bytes("hello\n"));
		assertThat(frames.encode("hello\r\n")).isEqualTo(Frames.bytes("hello\r\n"));
		assertThat(frames.encode("")).isEqualTo(Frames.bytes("\n"));
	}

}
