package io.wharf.transport.tcp;

import io.netty.channel.ChannelHandler;
import io.netty.channel.ChannelPipeline;
import io.wharf.transport.tcp.connection.SessionCounts;
import io.wharf.transport.tcp.framing.Framing;

/**
 * Everything a byte meets on its way through one admitted TCP connection, assembled in
 * this one place (after TLS, on a TLS listener, whose handlers are added at accept): byte
 * and message counts (with the time of the last read, which the listener's DeadlineSweep
 * watches), the framing decoder and encoder, and the session that delivers frames to
 * Spring Integration.
 */
final class ConnectionPipeline {

	private final Framing framing;

	ConnectionPipeline(Framing framing) {
		this.framing = framing;
	}

	void assemble(ChannelPipeline pipeline, SessionCounts counts, TcpSession session) {
		pipeline.addLast(SessionCounts.HANDLER, counts);
		ChannelHandler decoder = this.framing.decoder();
		pipeline.addLast("frame-decoder", decoder);
		ChannelHandler encoder = this.framing.encoder();
		if (encoder != null) {
			pipeline.addLast("frame-encoder", encoder);
		}
		pipeline.addLast("session", new SessionHandler(session, this.framing, decoder));
	}

}
