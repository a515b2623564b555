package io.wharf.bench;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.StandardSocketOptions;
import java.nio.ByteBuffer;
import java.nio.channels.SelectionKey;
import java.nio.channels.Selector;
import java.nio.channels.SocketChannel;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

import org.HdrHistogram.Histogram;

/**
 * A single-threaded NIO load generator over many TCP connections. Closed loop: each
 * connection keeps {@code depth} messages in flight (1 is ping-pong). Open loop: each
 * connection sends on a fixed schedule and latency counts from the scheduled time, so a
 * stalled server cannot hide its queueing. Every reply is compared with what was sent, in
 * order.
 *
 * @param port server port
 * @param connections number of connections
 * @param depth messages in flight per connection (closed loop)
 * @param framing message framing
 * @param size bytes per message on the wire
 * @param warmupMillis time before measuring
 * @param measureMillis measured time
 * @param rate total messages per second for open loop; 0 for closed loop
 */
record TcpLoad(int port, int connections, int depth, LoadFraming framing, int size, long warmupMillis,
		long measureMillis, double rate) {

	private static final long DRAIN_NANOS = 3_000_000_000L;

	LoadResult run() throws IOException {
		try (Selector selector = Selector.open()) {
			List<Connection> all = new ArrayList<>();
			for (int i = 0; i < this.connections; i++) {
				SocketChannel channel = SocketChannel.open(new InetSocketAddress("127.0.0.1", this.port));
				channel.setOption(StandardSocketOptions.TCP_NODELAY, true);
				channel.configureBlocking(false);
				Connection connection = new Connection(i, channel);
				connection.key = channel.register(selector, SelectionKey.OP_READ, connection);
				all.add(connection);
			}
			try {
				return drive(selector, all);
			}
			finally {
				for (Connection connection : all) {
					connection.channel.close();
				}
			}
		}
	}

	private LoadResult drive(Selector selector, List<Connection> all) throws IOException {
		Window window = new Window(System.nanoTime(), this.warmupMillis, this.measureMillis);
		boolean openLoop = this.rate > 0;
		long interval = openLoop ? (long) (1e9 * this.connections / this.rate) : 0;
		for (Connection connection : all) {
			if (openLoop) {
				connection.nextDue = window.start + interval * connection.id / this.connections;
			}
			else {
				for (int i = 0; i < this.depth; i++) {
					connection.send(window.start);
				}
			}
		}
		long now = System.nanoTime();
		while (now < window.end) {
			if (openLoop) {
				for (Connection connection : all) {
					while (connection.nextDue <= now) {
						connection.send(connection.nextDue);
						connection.nextDue += interval;
					}
				}
			}
			selector.select(openLoop ? 1 : 100);
			now = System.nanoTime();
			handle(selector, window, now, !openLoop);
		}
		long drainEnd = now + DRAIN_NANOS;
		while (outstanding(all) > 0 && now < drainEnd) {
			selector.select(10);
			now = System.nanoTime();
			handle(selector, window, now, false);
		}
		window.errors += outstanding(all);
		return new LoadResult(window.operations, window.errors, window.latency, this.measureMillis / 1000.0);
	}

	private void handle(Selector selector, Window window, long now, boolean resend) throws IOException {
		for (SelectionKey key : selector.selectedKeys()) {
			Connection connection = (Connection) key.attachment();
			if (key.isValid() && key.isWritable()) {
				connection.flush();
			}
			if (key.isValid() && key.isReadable()) {
				connection.read(window, now, resend);
			}
		}
		selector.selectedKeys().clear();
	}

	private static long outstanding(List<Connection> all) {
		return all.stream().mapToLong((connection) -> connection.sent - connection.received).sum();
	}

	/** Counts for the measured window. */
	static final class Window {

		final long start;

		final long measureStart;

		final long end;

		final Histogram latency = LoadResult.histogram();

		long operations;

		long errors;

		Window(long start, long warmupMillis, long measureMillis) {
			this.start = start;
			this.measureStart = start + warmupMillis * 1_000_000;
			this.end = this.measureStart + measureMillis * 1_000_000;
		}

		void completed(long sentAt, long now) {
			if (now >= this.measureStart && now < this.end) {
				this.operations++;
				this.latency.recordValue(Math.max(0, now - sentAt));
			}
		}

	}

	private final class Connection {

		final int id;

		final SocketChannel channel;

		SelectionKey key;

		final ByteBuffer in = ByteBuffer.allocate(256 * 1024);

		final ByteBuffer out = ByteBuffer.allocate(4 * 1024 * 1024);

		long[] sentAt = new long[64];

		long sent;

		long received;

		long nextDue;

		Connection(int id, SocketChannel channel) {
			this.id = id;
			this.channel = channel;
		}

		void send(long timestamp) throws IOException {
			enqueue(timestamp);
			flush();
		}

		void enqueue(long timestamp) {
			if (this.sent - this.received == this.sentAt.length) {
				grow();
			}
			this.sentAt[(int) (this.sent % this.sentAt.length)] = timestamp;
			this.out.put(TcpLoad.this.framing.frame(this.id, this.sent, TcpLoad.this.size));
			this.sent++;
		}

		private void grow() {
			long[] larger = new long[this.sentAt.length * 2];
			for (long seq = this.received; seq < this.sent; seq++) {
				larger[(int) (seq % larger.length)] = this.sentAt[(int) (seq % this.sentAt.length)];
			}
			this.sentAt = larger;
		}

		void flush() throws IOException {
			this.out.flip();
			this.channel.write(this.out);
			this.out.compact();
			int interest = SelectionKey.OP_READ | ((this.out.position() > 0) ? SelectionKey.OP_WRITE : 0);
			if (this.key != null && this.key.interestOps() != interest) {
				this.key.interestOps(interest);
			}
		}

		void read(Window window, long now, boolean resend) throws IOException {
			if (this.channel.read(this.in) < 0) {
				window.errors++;
				this.key.cancel();
				return;
			}
			this.in.flip();
			int length;
			while ((length = TcpLoad.this.framing.complete(this.in, TcpLoad.this.size)) > 0) {
				byte[] expected = TcpLoad.this.framing.frame(this.id, this.received, TcpLoad.this.size);
				int at = this.in.position();
				if (!Arrays.equals(this.in.array(), at, at + length, expected, 0, expected.length)) {
					window.errors++;
				}
				this.in.position(at + length);
				window.completed(this.sentAt[(int) (this.received % this.sentAt.length)], now);
				this.received++;
				if (resend && now < window.end) {
					enqueue(now);
				}
			}
			this.in.compact();
			if (this.out.position() > 0) {
				flush();
			}
		}

	}

}
