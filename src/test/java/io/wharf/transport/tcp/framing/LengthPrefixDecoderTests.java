package io.wharf.transport.tcp.framing;

import io.wharf.config.framing.FrameByteOrder;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import static io.wharf.config.framing.FrameByteOrder.BIG_ENDIAN;
import static io.wharf.config.framing.FrameByteOrder.LITTLE_ENDIAN;
import static org.assertj.core.api.Assertions.assertThat;

class LengthPrefixDecoderTests {

	@ParameterizedTest(name = "{0} byte header, {1}")
	@CsvSource({ "1, BIG_ENDIAN", "2, BIG_ENDIAN", "2, LITTLE_ENDIAN", "4, BIG_ENDIAN", "4, LITTLE_ENDIAN" })
	void everyHeaderSizeAndByteOrderRoundTrips(int headerSize, FrameByteOrder order) {
		Frames frames = Frames.lengthPrefix(headerSize, order, 1000);
		byte[] first = frames.encode("first");
		byte[] empty = frames.encode("");
		byte[] second = frames.encode("a second, longer message");
		assertThat(first).hasSize(headerSize + 5);
		byte[] stream = concat(first, empty, second);
		assertThat(frames.read(stream).texts()).containsExactly("first", "", "a second, longer message");
		assertThat(frames.trickle(stream).texts()).containsExactly("first", "", "a second, longer message");
	}

	@Test
	void pythonsStructPackIOnX86IsLittleEndian() {
		// struct.pack('i', 5) + b'hello'
		byte[] packed = { 5, 0, 0, 0, 'h', 'e', 'l', 'l', 'o' };
		assertThat(Frames.lengthPrefix(4, LITTLE_ENDIAN, 100).read(packed).texts()).containsExactly("hello");
	}

	@Test
	void oneAndTwoByteHeadersAreUnsigned() {
		byte[] frame = new byte[2 + 40_000];
		frame[0] = (byte) (40_000 >> 8);
		frame[1] = (byte) 40_000;
		assertThat(Frames.lengthPrefix(2, BIG_ENDIAN, 65_536).read(frame).frames()).singleElement()
			.satisfies((body) -> assertThat(body).hasSize(40_000));
		byte[] byteFrame = new byte[1 + 200];
		byteFrame[0] = (byte) 200;
		assertThat(Frames.lengthPrefix(1, BIG_ENDIAN, 1000).read(byteFrame).frames()).hasSize(1);
	}

	@Test
	void aNegativeFourByteHeaderIsMalformed() {
		FrameException error = Frames.lengthPrefix(4, BIG_ENDIAN, 100).read(new byte[] { -1, -1, -1, -1 }).error();
		assertThat(error.tooLarge()).isFalse();
		assertThat(error.errorType()).isEqualTo("malformed_frame");
		assertThat(error.getMessage()).isEqualTo("length header -1 is negative");
	}

	@Test
	void anAbsurdHeaderIsTooLargeAtOnceWithoutWaitingForTheBody() {
		FrameException error = Frames.lengthPrefix(4, BIG_ENDIAN, 65_536).read(new byte[] { 0x7f, -1, -1, -1 }).error();
		assertThat(error.getMessage()).isEqualTo("frame of 2147483647 bytes exceeds max-frame-size of 65536 bytes");
		assertThat(error.hint()).isNull();
	}

	@Test
	void aHeaderThatMakesSenseInTheOtherByteOrderSaysSo() {
		// struct.pack('i', 5) read big-endian is 83,886,080.
		FrameException error = Frames.lengthPrefix(4, BIG_ENDIAN, 65_536).read(new byte[] { 5, 0, 0, 0 }).error();
		assertThat(error.getMessage()).isEqualTo("frame of 83886080 bytes exceeds max-frame-size of 65536 bytes");
		assertThat(error.hint())
			.isEqualTo("the header looks like little-endian (it reads 5 that way); check framing.byte-order");
		FrameException negative = Frames.lengthPrefix(4, LITTLE_ENDIAN, 65_536)
			.read(new byte[] { 0, 0, 0, -128 })
			.error();
		assertThat(negative.getMessage()).isEqualTo("length header -2147483648 is negative");
		assertThat(negative.hint()).contains("big-endian (it reads 128 that way)");
	}

	@Test
	void theLimitIsExact() {
		assertThat(Frames.lengthPrefix(2, BIG_ENDIAN, 3).read(new byte[] { 0, 3, 'a', 'b', 'c' }).texts())
			.containsExactly("abc");
		assertThat(Frames.lengthPrefix(2, BIG_ENDIAN, 3).read(new byte[] { 0, 4 }).error().tooLarge()).isTrue();
	}

	@Test
	void aFrameCutByTheClientClosingIsNotDelivered() {
		assertThat(Frames.lengthPrefix(4, BIG_ENDIAN, 100).read(new byte[] { 0, 0, 0, 100, 1, 2, 3 }).close())
			.isEmpty();
		assertThat(Frames.lengthPrefix(4, BIG_ENDIAN, 100).read(new byte[] { 0, 0 }).close()).isEmpty();
	}

	@Test
	void aReplyTooLongForItsHeaderIsRefused() {
		Frames frames = Frames.lengthPrefix(1, BIG_ENDIAN, 100);
		org.assertj.core.api.Assertions.assertThatException().isThrownBy(() -> frames.encode("x".repeat(256)));
	}

	private static byte[] concat(byte[]... parts) {
		java.io.ByteArrayOutputStream out = new java.io.ByteArrayOutputStream();
		for (byte[] part : parts) {
			out.writeBytes(part);
		}
		return out.toByteArray();
	}

}
