package io.wharf.echo;

import io.wharf.api.Answer;
import io.wharf.api.Datagram;
import io.wharf.api.Session;
import io.wharf.api.SocketService;
import org.jspecify.annotations.Nullable;

/**
 * RFC 862 echo: what arrives goes back unchanged, in the listener's framing or as one
 * datagram.
 */
public final class EchoService implements SocketService<Void> {

	@Override
	public void received(Session session, @Nullable Void state, byte[] frame, Answer answer) {
		answer.send(frame);
	}

	@Override
	public void datagram(Datagram datagram, Answer answer) {
		answer.send(datagram.payload());
	}

}
