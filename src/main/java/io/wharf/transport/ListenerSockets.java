package io.wharf.transport;

import java.io.IOException;
import java.net.DatagramSocket;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;

/**
 * Binds listener sockets synchronously at start-up, with the options that must be set
 * before bind, so that a port in use fails start-up instead of a background thread.
 */
public final class ListenerSockets {

	private ListenerSockets() {
	}

	/**
	 * Binds a TCP server socket.
	 * @param name the listener name
	 * @param properties the listener
	 * @return the bound socket
	 * @throws ListenerBindException when binding fails
	 */
	public static ServerSocket bindTcp(String name, ListenerProperties properties) {
		ServerSocket socket = null;
		try {
			socket = new ServerSocket();
			socket.setReuseAddress(properties.reuseAddress());
			if (properties.receiveBufferSize() != null) {
				// Accepted sockets inherit it; windows above 64 KB must be set before
				// listen().
				socket.setReceiveBufferSize((int) properties.receiveBufferSize().toBytes());
			}
			socket.bind(address(properties), properties.backlog());
			return socket;
		}
		catch (IOException ex) {
			closeQuietly(socket);
			throw new ListenerBindException(name, Protocol.TCP, properties.requiredPort(), properties.bindAddress(),
					ex);
		}
	}

	/**
	 * Binds a UDP socket.
	 * @param name the listener name
	 * @param properties the listener
	 * @return the bound socket
	 * @throws ListenerBindException when binding fails
	 */
	public static DatagramSocket bindUdp(String name, ListenerProperties properties) {
		DatagramSocket socket = null;
		try {
			socket = new DatagramSocket(null);
			socket.setReuseAddress(properties.reuseAddress());
			if (properties.receiveBufferSize() != null) {
				socket.setReceiveBufferSize((int) properties.receiveBufferSize().toBytes());
			}
			if (properties.sendBufferSize() != null) {
				socket.setSendBufferSize((int) properties.sendBufferSize().toBytes());
			}
			socket.bind(address(properties));
			return socket;
		}
		catch (IOException ex) {
			if (socket != null) {
				socket.close();
			}
			throw new ListenerBindException(name, Protocol.UDP, properties.requiredPort(), properties.bindAddress(),
					ex);
		}
	}

	private static InetSocketAddress address(ListenerProperties properties) throws IOException {
		String host = properties.bindAddress();
		if (host == null || host.isBlank()) {
			return new InetSocketAddress(properties.requiredPort());
		}
		return new InetSocketAddress(InetAddress.getByName(host), properties.requiredPort());
	}

	private static void closeQuietly(java.io.@org.jspecify.annotations.Nullable Closeable closeable) {
		try {
			if (closeable != null) {
				closeable.close();
			}
		}
		catch (IOException ex) {
			// Nothing more to release.
		}
	}

}
