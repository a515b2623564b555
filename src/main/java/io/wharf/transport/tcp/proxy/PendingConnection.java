package io.wharf.transport.tcp.proxy;

import java.net.InetSocketAddress;
import java.util.concurrent.ScheduledFuture;
import java.util.function.BiConsumer;
import java.util.function.Consumer;

import io.netty.channel.Channel;
import org.jspecify.annotations.Nullable;

/**
 * A connection accepted with its slots reserved, whose client is not known yet because it
 * comes in a PROXY header: decided once, by opening its session for the client or by
 * refusing it; if it closes first, its slots are given back. Used on the connection's
 * event loop only.
 */
public final class PendingConnection implements PendingClient {

	private final Consumer<InetSocketAddress> open;

	private final BiConsumer<String, String> refuse;

	private boolean decided;

	private @Nullable ScheduledFuture<?> deadline;

	/**
	 * A connection waiting for its PROXY header.
	 * @param channel the connection
	 * @param open opens the session for the client the header names
	 * @param refuse refuses the connection, with the cause counted and the reason logged
	 * @param abandon gives the reserved slots back when the connection closes undecided
	 */
	public PendingConnection(Channel channel, Consumer<InetSocketAddress> open, BiConsumer<String, String> refuse,
			Runnable abandon) {
		this.open = open;
		this.refuse = refuse;
		channel.closeFuture().addListener((closed) -> {
			if (!this.decided) {
				this.decided = true;
				cancelDeadline();
				abandon.run();
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
			this.open.accept(client);
		}
	}

	@Override
	public void refuse(String cause, String why) {
		if (decide()) {
			this.refuse.accept(cause, why);
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
