package io.wharf.transport.tcp;

import java.io.IOException;

import org.junit.jupiter.api.Test;

import static io.wharf.transport.tcp.Streams.bytes;
import static io.wharf.transport.tcp.Streams.decodeAll;
import static io.wharf.transport.tcp.Streams.text;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

class DelimiterCodecTests {

	private final DelimiterCodec stxEtx = new DelimiterCodec(new byte[] { 2 }, new byte[] { 3 }, 8);

	@Test
	void cutsStxEtxFramesAndSkipsBytesBetweenThem() throws IOException {
		byte[] wire = bytes("\u0002one\u0003junk\r\n\u0002two\u0003\u0002\u0003");
		assertThat(decodeAll(this.stxEtx, Streams.coalesced(wire))).extracting(Streams::text)
			.containsExactly("one", "two", "");
		assertThat(decodeAll(this.stxEtx, Streams.trickled(wire))).extracting(Streams::text)
			.containsExactly("one", "two", "");
	}

	@Test
	void framesRepliesWithTheSameDelimiters() throws IOException {
		assertThat(text(Streams.encode(this.stxEtx, bytes("ok")))).isEqualTo("\u0002ok\u0003");
	}

	@Test
	void handlesMultiByteDelimiters() throws IOException {
		DelimiterCodec codec = new DelimiterCodec(new byte[0], bytes("\r\n\r\n"), 64);
		assertThat(decodeAll(codec, Streams.trickled(bytes("a\r\nb\r\n\r\nc\r\n\r\n")))).extracting(Streams::text)
			.containsExactly("a\r\nb", "c");
	}

	@Test
	void rejectsFramesOverTheLimit() {
		assertThatExceptionOfType(FrameException.class)
			.isThrownBy(() -> this.stxEtx.decode(Streams.coalesced(bytes("\u0002123456789\u0003"))))
			.withMessageContaining("max-frame-size of 8 bytes");
	}

	@Test
	void acceptsAFrameOfExactlyTheLimit() throws IOException {
		assertThat(text(this.stxEtx.decode(Streams.coalesced(bytes("\u000212345678\u0003"))))).isEqualTo("12345678");
	}

}
