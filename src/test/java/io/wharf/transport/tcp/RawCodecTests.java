package io.wharf.transport.tcp;

import java.io.IOException;

import org.junit.jupiter.api.Test;

import org.springframework.integration.ip.tcp.serializer.SoftEndOfStreamException;

import static io.wharf.transport.tcp.Streams.bytes;
import static io.wharf.transport.tcp.Streams.decodeAll;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

class RawCodecTests {

	@Test
	void aMessageIsWhatHasArrivedUpToTheChunkSize() throws IOException {
		RawCodec codec = new RawCodec(4);
		assertThat(decodeAll(codec, Streams.coalesced(bytes("abcdefghij")))).extracting(Streams::text)
			.containsExactly("abcd", "efgh", "ij");
		assertThat(decodeAll(codec, Streams.trickled(bytes("abc")))).extracting(Streams::text)
			.containsExactly("a", "b", "c");
	}

	@Test
	void repliesAreWrittenAsTheyAre() throws IOException {
		assertThat(Streams.encode(new RawCodec(4), new byte[] { 0, 10, 13, -1 })).containsExactly(0, 10, 13, -1);
	}

	@Test
	void endOfStreamIsAQuietEnd() {
		assertThatExceptionOfType(SoftEndOfStreamException.class)
			.isThrownBy(() -> new RawCodec(4).decode(Streams.coalesced(new byte[0])));
	}

}
