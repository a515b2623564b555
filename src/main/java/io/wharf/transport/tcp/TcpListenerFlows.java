package io.wharf.transport.tcp;

import java.net.ServerSocket;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import io.wharf.observe.ListenerMetrics;
import io.wharf.transport.BoundListener;
import io.wharf.transport.ListenerFlows;
import io.wharf.transport.ListenerProperties;
import io.wharf.transport.ListenerSockets;
import io.wharf.transport.TcpTransport;

import org.springframework.core.serializer.Deserializer;
import org.springframework.core.serializer.Serializer;
import org.springframework.integration.dsl.IntegrationFlow;
import org.springframework.integration.ip.tcp.connection.AbstractServerConnectionFactory;
import org.springframework.integration.ip.tcp.inbound.TcpReceivingChannelAdapter;

/**
 * Builds a TCP listener: a bound socket, a connection factory with the listener's framing
 * and socket options, an inbound adapter feeding the service channel and a reply flow
 * back.
 */
public final class TcpListenerFlows {

	private TcpListenerFlows() {
	}

	/**
	 * Binds the listener's socket and prepares its flows.
	 * @param name the listener name
	 * @param properties the listener
	 * @param loops the Netty event loops
	 * @param metrics the listener's meters
	 * @return the bound listener
	 */
	public static BoundListener bind(String name, ListenerProperties properties, NettyEventLoops loops,
			ListenerMetrics metrics) {
		TcpListenerContext listener = new TcpListenerContext(name, properties, FrameCodecs.of(properties.framing()),
				metrics);
		AbstractServerConnectionFactory factory;
		Runnable release;
		if (properties.transport() == TcpTransport.NETTY) {
			NettyServerConnectionFactory netty = new NettyServerConnectionFactory(loops, listener);
			factory = netty;
			release = netty::release;
		}
		else {
			ServerSocket socket = ListenerSockets.bindTcp(name, properties);
			factory = connectionFactory(socket, listener);
			release = () -> closeQuietly(socket);
		}
		ListenerFlows route = new ListenerFlows(name, properties);
		factory.setMapper(new ListenerMessageMapper(route.headers()));
		TcpReplySender sender = new TcpReplySender();
		factory.registerSender(sender);
		TcpReceivingChannelAdapter inbound = new TcpReceivingChannelAdapter();
		inbound.setConnectionFactory(factory);
		IntegrationFlow replies = route.serving(inbound, sender);
		Map<String, Object> beans = new LinkedHashMap<>();
		beans.put(name + ".connections", factory);
		beans.put(name + ".inbound", inbound);
		return new BoundListener(name, properties, factory.getPort(), List.of(replies), beans, release,
				listener.sessions(), release);
	}

	private static ListenerServerConnectionFactory connectionFactory(ServerSocket socket, TcpListenerContext listener) {
		ListenerProperties properties = listener.properties();
		ListenerServerConnectionFactory factory = new ListenerServerConnectionFactory(socket, listener);
		factory.setLookupHost(false);
		factory.setBacklog(properties.backlog());
		factory.setSoTimeout((int) Math.min(properties.idleTimeout().toMillis(), Integer.MAX_VALUE));
		factory.setSoTcpNoDelay(properties.tcpNoDelay());
		factory.setSoKeepAlive(properties.keepAlive());
		if (properties.receiveBufferSize() != null) {
			factory.setSoReceiveBufferSize((int) properties.receiveBufferSize().toBytes());
		}
		if (properties.sendBufferSize() != null) {
			factory.setSoSendBufferSize((int) properties.sendBufferSize().toBytes());
		}
		FrameCodec codec = listener.codec();
		factory.setDeserializer((Deserializer<byte[]>) codec::decode);
		factory.setSerializer((Serializer<byte[]>) codec::encode);
		return factory;
	}

	private static void closeQuietly(ServerSocket socket) {
		try {
			socket.close();
		}
		catch (java.io.IOException ex) {
			// Nothing more to release.
		}
	}

}
