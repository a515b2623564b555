package io.wharf.bench;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * Many open connections, each having made one exchange, then idle.
 */
final class IdleClients implements AutoCloseable {

	private static final byte[] LINE = LoadFraming.LINE.frame(0, 0, 64);

	private final List<Socket> sockets = new ArrayList<>();

	private int failures;

	private IdleClients() {
	}

	static IdleClients open(int port, int count) {
		IdleClients clients = new IdleClients();
		for (int i = 0; i < count; i++) {
			Socket socket = new Socket();
			try {
				socket.connect(new InetSocketAddress("127.0.0.1", port), 10_000);
				socket.setSoTimeout(10_000);
				clients.sockets.add(socket);
				if (!exchange(socket)) {
					clients.failures++;
				}
			}
			catch (IOException ex) {
				clients.failures++;
				closeQuietly(socket);
			}
		}
		return clients;
	}

	int failures() {
		return this.failures;
	}

	/** How many connections still answer an echo. */
	int stillAnswering() {
		int answering = 0;
		for (Socket socket : this.sockets) {
			try {
				if (exchange(socket)) {
					answering++;
				}
			}
			catch (IOException ex) {
				// Counted as not answering.
			}
		}
		return answering;
	}

	private static boolean exchange(Socket socket) throws IOException {
		socket.getOutputStream().write(LINE);
		return Arrays.equals(socket.getInputStream().readNBytes(LINE.length), LINE);
	}

	private static void closeQuietly(Socket socket) {
		try {
			socket.close();
		}
		catch (IOException ex) {
			// Nothing to do.
		}
	}

	@Override
	public void close() {
		this.sockets.forEach(IdleClients::closeQuietly);
	}

}
