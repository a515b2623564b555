package io.wharf.transport.tcp;

import java.io.IOException;
import java.io.InputStream;
import java.util.function.Function;

import org.junit.jupiter.api.Test;

import org.springframework.integration.ip.tcp.serializer.SoftEndOfStreamException;

import static io.wharf.transport.tcp.Streams.bytes;
import static io.wharf.transport.tcp.Streams.decodeAll;
import static io.wharf.transport.tcp.Streams.text;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

class LineCodecTests {

	private final LineCodec codec = new LineCodec(8);

	@Test
	void keepsEachLinesOwnEndingWhetherCoalescedOrSplit() throws IOException {
		for (Function<byte[], InputStream> delivery : java.util.List
			.<Function<byte[], InputStream>>of(Streams::coalesced, Streams::trickled)) {
			InputStream input = delivery.apply(bytes("one\r\ntwo\n\nthree\n"));
			assertThat(decodeAll(this.codec, input)).extracting(Streams::text)
				.containsExactly("one\r\n", "two\n", "\n", "three\n");
		}
	}

	@Test
	void addsLfOnlyWhereAReplyLacksAnEnding() throws IOException {
		assertThat(text(Streams.encode(this.codec, bytes("a"), bytes("b\r\n"), bytes("c\n"), bytes(""))))
			.isEqualTo("a\nb\r\nc\n\n");
	}

	@Test
	void acceptsALineOfExactlyTheLimitWithEitherEnding() throws IOException {
		assertThat(decodeAll(this.codec, Streams.coalesced(bytes("12345678\r\n12345678\n")))).hasSize(2);
	}

	@Test
	void rejectsALineOverTheLimitBeforeReadingItAll() {
		InputStream endless = new InputStream() {
			@Override
			public int read() {
				return 'x';
			}
		};
		assertThatExceptionOfType(FrameException.class).isThrownBy(() -> this.codec.decode(endless))
			.satisfies((ex) -> assertThat(ex.kind()).isEqualTo(FrameException.Kind.TOO_LARGE))
			.withMessageContaining("max-frame-size of 8 bytes");
		assertThatExceptionOfType(FrameException.class)
			.isThrownBy(() -> this.codec.decode(Streams.coalesced(bytes("123456789\n"))));
	}

	@Test
	void endOfStreamInTheMiddleOfALineIsAQuietEnd() {
		assertThatExceptionOfType(SoftEndOfStreamException.class)
			.isThrownBy(() -> this.codec.decode(Streams.coalesced(bytes("partial"))))
			.withMessageContaining("middle of a line");
	}

}
