package io.wharf.transport.tcp.framing;

import java.util.ArrayList;
import java.util.List;

import com.code_intelligence.jazzer.api.FuzzedDataProvider;
import com.code_intelligence.jazzer.junit.FuzzTest;
import io.netty.buffer.ByteBuf;
import io.netty.buffer.Unpooled;
import io.netty.channel.embedded.EmbeddedChannel;
import io.netty.handler.codec.ByteToMessageDecoder;
import io.wharf.config.framing.FrameByteOrder;
import io.wharf.config.framing.FramingProperties;
import io.wharf.config.framing.FramingType;
import org.jspecify.annotations.Nullable;

import org.springframework.util.unit.DataSize;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Every framing's decoder fed what a fuzzer makes up, cut into pieces where it likes:
 * each frame it yields fits max-frame-size, and anything it refuses is a frame error the
 * session turns into a clean close, never another exception. The corpus under
 * {@code src/test/resources} replays in every build.
 */
class FramingFuzzTests {

	private static final int MAX = 64;

	@FuzzTest(maxDuration = "10m")
	void lines(FuzzedDataProvider data) {
		decode(new FramingProperties(FramingType.LINE, 4, FrameByteOrder.BIG_ENDIAN, null, null, DataSize.ofBytes(MAX)),
				data);
	}

	@FuzzTest(maxDuration = "10m")
	void lengthPrefixes(FuzzedDataProvider data) {
		int headerSize = data.pickValue(new int[] { 1, 2, 4 });
		FrameByteOrder order = data.pickValue(FrameByteOrder.values());
		decode(new FramingProperties(FramingType.LENGTH_PREFIX, headerSize, order, null, null, DataSize.ofBytes(MAX)),
				data);
	}

	@FuzzTest(maxDuration = "10m")
	void delimiters(FuzzedDataProvider data) {
		String start = data.consumeBoolean() ? "\\x02" : null;
		String end = data.pickValue(new String[] { "\\x03", "\\0", "\\r\\n" });
		decode(new FramingProperties(FramingType.DELIMITER, 4, FrameByteOrder.BIG_ENDIAN, end, start,
				DataSize.ofBytes(MAX)), data);
	}

	private static void decode(FramingProperties properties, FuzzedDataProvider data) {
		Framing framing = new Framing(properties);
		EmbeddedChannel channel = new EmbeddedChannel(framing.decoder(ByteToMessageDecoder.MERGE_CUMULATOR));
		List<byte[]> pieces = new ArrayList<>();
		while (data.remainingBytes() > 0) {
			pieces.add(data.consumeBytes(data.consumeInt(1, 100)));
		}
		try {
			for (byte[] piece : pieces) {
				if (!write(channel, framing, piece)) {
					return;
				}
			}
			// The client closes: what is left of a frame is refused too.
			channel.finish();
		}
		catch (RuntimeException ex) {
			assertFrameError(framing, ex);
		}
		finally {
			drain(channel);
			try {
				channel.finishAndReleaseAll();
			}
			catch (RuntimeException ex) {
				assertFrameError(framing, ex);
			}
		}
	}

	/** Writes one piece; false once the decoder refused the stream. */
	private static boolean write(EmbeddedChannel channel, Framing framing, byte[] piece) {
		try {
			channel.writeInbound(Unpooled.wrappedBuffer(piece));
			drain(channel);
			return true;
		}
		catch (RuntimeException ex) {
			assertFrameError(framing, ex);
			return false;
		}
	}

	private static void drain(EmbeddedChannel channel) {
		ByteBuf frame;
		while ((frame = channel.readInbound()) != null) {
			try {
				assertThat(frame.readableBytes()).isLessThanOrEqualTo(MAX + 2);
			}
			finally {
				frame.release();
			}
		}
	}

	private static void assertFrameError(Framing framing, RuntimeException ex) {
		@Nullable FrameException frame = framing.frameError(ex);
		assertThat(frame).as("a frame error, not %s", ex).isNotNull();
	}

}
