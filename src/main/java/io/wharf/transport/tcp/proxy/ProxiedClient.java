package io.wharf.transport.tcp.proxy;

import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.util.concurrent.ScheduledFuture;

import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInboundHandlerAdapter;
import io.netty.handler.codec.haproxy.HAProxyCommand;
import io.netty.handler.codec.haproxy.HAProxyMessage;
import io.netty.handler.codec.haproxy.HAProxyProxiedProtocol;
import io.netty.util.NetUtil;
import org.jspecify.annotations.Nullable;

/**
 * Takes the PROXY header Netty's decoder read and opens the session for the client it
 * names; a LOCAL header (a proxy's own health check) or an UNKNOWN protocol names none,
 * so the session is the proxy's.
 */
final class ProxiedClient extends ChannelInboundHandlerAdapter {

	private final PendingClient pending;

	private final @Nullable ScheduledFuture<?> deadline;

	/**
	 * Reads the header of one connection.
	 * @param pending the connection
	 * @param deadline refuses the connection if the header is not complete in time;
	 * cancelled once it is, or the connection closes
	 */
	ProxiedClient(PendingClient pending, @Nullable ScheduledFuture<?> deadline) {
		this.pending = pending;
		this.deadline = deadline;
	}

	@Override
	public void handlerRemoved(ChannelHandlerContext ctx) {
		if (this.deadline != null) {
			this.deadline.cancel(false);
		}
	}

	@Override
	public void channelRead(ChannelHandlerContext ctx, Object msg) {
		if (!(msg instanceof HAProxyMessage header)) {
			ctx.fireChannelRead(msg);
			return;
		}
		try {
			this.pending.open(client(header, (InetSocketAddress) ctx.channel().remoteAddress()));
			ctx.pipeline().remove(this);
		}
		finally {
			header.release();
		}
	}

	static InetSocketAddress client(HAProxyMessage header, InetSocketAddress peer) {
		if (header.command() == HAProxyCommand.LOCAL || header.proxiedProtocol() == HAProxyProxiedProtocol.UNKNOWN
				|| header.proxiedProtocol().addressFamily() == HAProxyProxiedProtocol.AddressFamily.AF_UNIX) {
			return peer;
		}
		InetAddress address = NetUtil.createInetAddressFromIpAddressString(header.sourceAddress());
		return (address != null) ? new InetSocketAddress(address, header.sourcePort()) : peer;
	}

	@Override
	public void exceptionCaught(ChannelHandlerContext ctx, Throwable cause) {
		this.pending.refuse("proxy_header", "its PROXY protocol header is malformed: " + cause.getMessage());
	}

}
