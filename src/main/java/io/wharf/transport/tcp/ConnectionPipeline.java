package io.wharf.transport.tcp;

import java.util.concurrent.TimeUnit;

import io.netty.channel.ChannelHandler;
import io.netty.channel.ChannelPipeline;
import io.netty.handler.timeout.IdleStateHandler;
import io.wharf.transport.tcp.framing.Framing;

/**
 * Everything a byte meets on its way through one admitted TCP connection, assembled in
 * this one place: byte and message counts, the idle timeout, the framing decoder and
 * encoder, and the session that delivers frames to Spring Integration.
 */
final class ConnectionPipeline {

	private final Framing framing;

	private final long idleMillis;

	ConnectionPipeline(Framing framing, TcpListenerParts listener) {
		this.framing = framing;
		this.idleMillis = listener.idleTimeout().toMillis();
	}

	void assemble(ChannelPipeline pipeline, SessionCounts counts, TcpSession session) {
		pipeline.addLast("counts", counts);
		if (this.idleMillis > 0) {
			pipeline.addLast("idle-timeout", new IdleStateHandler(this.idleMillis, 0, 0, TimeUnit.MILLISECONDS));
		}
		pipeline.addLast("frame-decoder", this.framing.decoder());
		ChannelHandler encoder = this.framing.encoder();
		if (encoder != null) {
			pipeline.addLast("frame-encoder", encoder);
		}
		pipeline.addLast("session", new SessionHandler(session, this.framing));
	}

}
