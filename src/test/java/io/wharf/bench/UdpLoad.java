package io.wharf.bench;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.ByteBuffer;
import java.nio.channels.DatagramChannel;
import java.nio.channels.SelectionKey;
import java.nio.channels.Selector;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * UDP echo load: each flow is its own socket with one datagram in flight; a datagram
 * unanswered for 200 ms counts as an error and the flow moves on.
 *
 * @param port server port
 * @param flows number of flows
 * @param size datagram size
 * @param warmupMillis time before measuring
 * @param measureMillis measured time
 */
record UdpLoad(int port, int flows, int size, long warmupMillis, long measureMillis) {

	private static final long LOSS_NANOS = 200_000_000L;

	LoadResult run() throws IOException {
		TcpLoad.Window window = new TcpLoad.Window(System.nanoTime(), this.warmupMillis, this.measureMillis);
		try (Selector selector = Selector.open()) {
			List<Flow> all = new ArrayList<>();
			try {
				for (int i = 0; i < this.flows; i++) {
					DatagramChannel channel = DatagramChannel.open();
					channel.connect(new InetSocketAddress("127.0.0.1", this.port));
					channel.configureBlocking(false);
					Flow flow = new Flow(i, channel);
					channel.register(selector, SelectionKey.OP_READ, flow);
					all.add(flow);
					flow.send(window.start);
				}
				long now = System.nanoTime();
				while (now < window.end) {
					selector.select(10);
					now = System.nanoTime();
					for (SelectionKey key : selector.selectedKeys()) {
						((Flow) key.attachment()).read(window, now);
					}
					selector.selectedKeys().clear();
					for (Flow flow : all) {
						if (now - flow.sentAt > LOSS_NANOS) {
							window.errors++;
							flow.send(now);
						}
					}
				}
			}
			finally {
				for (Flow flow : all) {
					flow.channel.close();
				}
			}
		}
		return new LoadResult(window.operations, window.errors, window.latency, this.measureMillis / 1000.0);
	}

	private final class Flow {

		final int id;

		final DatagramChannel channel;

		final ByteBuffer in = ByteBuffer.allocate(65_536);

		long sequence;

		long sentAt;

		byte[] expected;

		Flow(int id, DatagramChannel channel) {
			this.id = id;
			this.channel = channel;
		}

		void send(long now) throws IOException {
			this.sequence++;
			this.expected = LoadFraming.RAW.frame(this.id, this.sequence, UdpLoad.this.size);
			this.sentAt = now;
			this.channel.write(ByteBuffer.wrap(this.expected));
		}

		void read(TcpLoad.Window window, long now) throws IOException {
			while (true) {
				this.in.clear();
				if (this.channel.read(this.in) <= 0) {
					return;
				}
				if (Arrays.equals(this.in.array(), 0, this.in.position(), this.expected, 0, this.expected.length)) {
					window.completed(this.sentAt, now);
					if (now < window.end) {
						send(now);
					}
				}
			}
		}

	}

}
