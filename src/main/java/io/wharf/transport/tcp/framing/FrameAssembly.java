package io.wharf.transport.tcp.framing;

/**
 * A decoder that assembles frames from pieces, and can say whether it holds the start of
 * one not complete yet: what {@code frame-timeout} bounds, so that a client trickling a
 * byte at a time cannot hold a connection forever.
 */
public interface FrameAssembly {

	/**
	 * The bytes of an incomplete frame held, read from the client but not yet a frame.
	 * @return 0 unless between the first byte of a frame and its end
	 */
	int heldBytes();

}
