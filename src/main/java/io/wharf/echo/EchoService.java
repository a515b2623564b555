package io.wharf.echo;

/**
 * RFC 862 echo: what arrives goes back unchanged.
 */
public final class EchoService {

	/**
	 * Answers one message.
	 * @param received the bytes of one read, frame or datagram
	 * @return the same bytes
	 */
	public byte[] echo(byte[] received) {
		return received;
	}

}
