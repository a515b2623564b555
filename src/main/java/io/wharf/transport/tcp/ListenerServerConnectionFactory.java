package io.wharf.transport.tcp;

import java.net.InetAddress;
import java.net.ServerSocket;

import org.jspecify.annotations.Nullable;

import org.springframework.integration.ip.tcp.connection.TcpNetServerConnectionFactory;

/**
 * Spring Integration's thread-per-connection server factory, serving a socket bound at
 * start-up (so binding fails start-up, not a background thread) and creating
 * {@link ListenerConnection}s.
 */
class ListenerServerConnectionFactory extends TcpNetServerConnectionFactory {

	private final ServerSocket boundSocket;

	ListenerServerConnectionFactory(ServerSocket boundSocket, TcpListenerContext listener) {
		super(boundSocket.getLocalPort());
		this.boundSocket = boundSocket;
		setTcpNetConnectionSupport((socket, server, lookupHost, publisher,
				factoryName) -> new ListenerConnection(socket, publisher, factoryName, listener));
	}

	@Override
	protected ServerSocket createServerSocket(int port, int backlog, @Nullable InetAddress whichNic) {
		return this.boundSocket;
	}

	@Override
	public int getPort() {
		return this.boundSocket.getLocalPort();
	}

}
