package io.wharf.transport.tcp;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import org.springframework.integration.ip.tcp.serializer.SoftEndOfStreamException;

import static io.wharf.transport.tcp.Streams.bytes;
import static io.wharf.transport.tcp.Streams.decodeAll;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

class LengthHeaderCodecTests {

	@ParameterizedTest
	@CsvSource({ "1, BIG_ENDIAN", "1, LITTLE_ENDIAN", "2, BIG_ENDIAN", "2, LITTLE_ENDIAN", "4, BIG_ENDIAN",
			"4, LITTLE_ENDIAN" })
	void roundTripsFramesInEveryHeaderSizeAndByteOrder(int headerSize, String order) throws IOException {
		ByteOrder byteOrder = order.equals("BIG_ENDIAN") ? ByteOrder.BIG_ENDIAN : ByteOrder.LITTLE_ENDIAN;
		LengthHeaderCodec codec = new LengthHeaderCodec(headerSize, byteOrder, 255);
		byte[] wire = Streams.encode(codec, bytes("hello"), new byte[0], new byte[255]);
		assertThat(wire).startsWith(header(headerSize, byteOrder, 5));
		assertThat(decodeAll(codec, Streams.coalesced(wire))).extracting((frame) -> frame.length)
			.containsExactly(5, 0, 255);
		assertThat(decodeAll(codec, Streams.trickled(wire))).extracting((frame) -> frame.length)
			.containsExactly(5, 0, 255);
	}

	@Test
	void readsPythonStructPackHeaders() throws IOException {
		// struct.pack('i', 3) on x86 and struct.pack('!i', 3)
		byte[] little = { 3, 0, 0, 0, 'a', 'b', 'c' };
		byte[] big = { 0, 0, 0, 3, 'a', 'b', 'c' };
		assertThat(new LengthHeaderCodec(4, ByteOrder.LITTLE_ENDIAN, 64).decode(Streams.coalesced(little)))
			.isEqualTo(bytes("abc"));
		assertThat(new LengthHeaderCodec(4, ByteOrder.BIG_ENDIAN, 64).decode(Streams.coalesced(big)))
			.isEqualTo(bytes("abc"));
	}

	@Test
	void headersAreUnsignedForOneAndTwoBytes() throws IOException {
		byte[] wire = new byte[2 + 0xFFFF];
		wire[0] = (byte) 0xFF;
		wire[1] = (byte) 0xFF;
		assertThat(new LengthHeaderCodec(2, ByteOrder.BIG_ENDIAN, 0xFFFF).decode(Streams.coalesced(wire)))
			.hasSize(0xFFFF);
	}

	@Test
	void rejectsNegativeAndOversizedLengthsWithoutReadingTheBody() {
		LengthHeaderCodec codec = new LengthHeaderCodec(4, ByteOrder.BIG_ENDIAN, 1024);
		assertThatExceptionOfType(FrameException.class)
			.isThrownBy(() -> codec.decode(Streams.coalesced(header(4, ByteOrder.BIG_ENDIAN, -1))))
			.satisfies((ex) -> assertThat(ex.kind()).isEqualTo(FrameException.Kind.MALFORMED));
		assertThatExceptionOfType(FrameException.class)
			.isThrownBy(() -> codec.decode(Streams.coalesced(header(4, ByteOrder.BIG_ENDIAN, Integer.MAX_VALUE))))
			.satisfies((ex) -> assertThat(ex.kind()).isEqualTo(FrameException.Kind.TOO_LARGE))
			.withMessageContaining("2147483647 bytes exceeds max-frame-size of 1024 bytes");
	}

	@Test
	void endOfStreamInsideAFrameIsAQuietEnd() {
		LengthHeaderCodec codec = new LengthHeaderCodec(4, ByteOrder.BIG_ENDIAN, 1024);
		assertThatExceptionOfType(SoftEndOfStreamException.class)
			.isThrownBy(() -> codec.decode(Streams.coalesced(new byte[] { 0, 0 })));
		assertThatExceptionOfType(SoftEndOfStreamException.class)
			.isThrownBy(() -> codec.decode(Streams.coalesced(new byte[] { 0, 0, 0, 9, 'a' })))
			.withMessageContaining("after 1 of a frame's 9 bytes");
	}

	@Test
	void refusesARepliesLongerThanItsHeaderCanSay() {
		LengthHeaderCodec codec = new LengthHeaderCodec(1, ByteOrder.BIG_ENDIAN, 255);
		assertThatExceptionOfType(IOException.class).isThrownBy(() -> Streams.encode(codec, new byte[256]));
	}

	static byte[] header(int size, ByteOrder order, int length) {
		ByteBuffer header = ByteBuffer.allocate(size).order(order);
		switch (size) {
			case 1 -> header.put((byte) length);
			case 2 -> header.putShort((short) length);
			default -> header.putInt(length);
		}
		return header.array();
	}

}
