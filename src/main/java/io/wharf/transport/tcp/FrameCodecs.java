package io.wharf.transport.tcp;

import io.wharf.transport.FramingProperties;

/**
 * Creates the codec a listener's framing configuration describes.
 */
public final class FrameCodecs {

	/** Largest raw read delivered as one message. */
	private static final int RAW_CHUNK = 64 * 1024;

	private FrameCodecs() {
	}

	/**
	 * The codec for a framing.
	 * @param framing a listener's framing configuration
	 * @return its codec, used by the listener and by clients such as the training run
	 */
	public static FrameCodec of(FramingProperties framing) {
		int max = framing.maxFrameBytes();
		return switch (framing.type()) {
			case RAW -> new RawCodec(Math.min(max, RAW_CHUNK));
			case LINE -> new LineCodec(max);
			case LENGTH_PREFIX -> new LengthHeaderCodec(framing.headerSize(), framing.byteOrder().order(), max);
			case DELIMITER -> new DelimiterCodec(framing.startDelimiterBytes(), framing.delimiterBytes(), max);
		};
	}

}
