package io.wharf.transport.tcp;

import java.net.InetSocketAddress;
import java.util.concurrent.ScheduledFuture;

import io.netty.channel.socket.SocketChannel;
import io.wharf.transport.tcp.proxy.PendingClient;
import org.jspecify.annotations.Nullable;

/**
 * A connection accepted with its slots reserved, whose client is not known yet because it
 * comes in a PROXY header: decided once, by opening its session for the client or by
 * refusing it; if it closes first, its slots are given back. Used on the connection's
 * event loop only.
 */
final class PendingConnection implements PendingClient {

	private final NettyConnectionFactory factory;

	private final SocketChannel channel;

	private boolean decided;

	private @Nullable ScheduledFuture<?> deadline;

	PendingConnection(NettyConnectionFactory factory, SocketChannel channel, Sessions sessions) {
		this.factory = factory;
		this.channel = channel;
		channel.closeFuture().addListener((closed) -> {
			if (!this.decided) {
				this.decided = true;
				cancelDeadline();
				sessions.abandon();
			}
		});
	}

	@Override
	public boolean decided() {
		return this.decided;
	}

	@Override
	public void until(ScheduledFuture<?> deadline) {
		this.deadline = deadline;
	}

	@Override
	public void open(InetSocketAddress client) {
		if (decide()) {
			this.factory.openProxied(this.channel, client);
		}
	}

	@Override
	public void refuse(String cause, String why) {
		if (decide()) {
			this.factory.refuseReserved(this.channel, cause, why);
		}
	}

	private boolean decide() {
		if (this.decided) {
			return false;
		}
		this.decided = true;
		cancelDeadline();
		return true;
	}

	private void cancelDeadline() {
		if (this.deadline != null) {
			this.deadline.cancel(false);
		}
	}

}
