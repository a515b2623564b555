package io.wharf.transport.tcp;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;

/**
 * Cuts one message from a connection's input and frames one reply on its output. One
 * codec serves all connections of a listener, so it keeps no state between calls; the
 * input stream is buffered per connection.
 */
public interface FrameCodec {

	/**
	 * Reads the next message.
	 * @param input the connection's buffered input
	 * @return the message's bytes
	 * @throws org.springframework.integration.ip.tcp.serializer.SoftEndOfStreamException
	 * when the client closed the stream, between frames or in the middle of one
	 * @throws FrameException when the bytes are not an acceptable frame
	 * @throws IOException when reading fails
	 */
	byte[] decode(InputStream input) throws IOException;

	/**
	 * Writes one message in this framing.
	 * @param message the message
	 * @param output the connection's buffered output
	 * @throws IOException when writing fails
	 */
	void encode(byte[] message, OutputStream output) throws IOException;

	/**
	 * Whether a one-line error message is readable for a client of this framing.
	 * @return true for text framings
	 */
	default boolean carriesText() {
		return false;
	}

}
