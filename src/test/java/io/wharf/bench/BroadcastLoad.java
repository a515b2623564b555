package io.wharf.bench;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.ByteBuffer;
import java.nio.channels.SelectionKey;
import java.nio.channels.Selector;
import java.nio.channels.SocketChannel;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;

import org.HdrHistogram.Recorder;

/**
 * The cluster benchmark's clients: many listening sessions spread over the instances,
 * read by one selector thread, and one speaker per instance that sends lines at a fixed
 * total rate; every line carries the time it was sent, so each delivery's latency is
 * measured from the speaker's send to the listener's read, on this machine's one clock.
 */
final class BroadcastLoad implements AutoCloseable {

	private final List<SocketChannel> listeners = new ArrayList<>();

	private final List<Socket> speakers = new ArrayList<>();

	private final Selector selector = Selector.open();

	private final Recorder latencies = new Recorder(3);

	private final AtomicLong delivered = new AtomicLong();

	private final AtomicBoolean running = new AtomicBoolean(true);

	private final Thread reader;

	BroadcastLoad(List<Integer> ports, int listenersPerPort) throws IOException {
		for (int port : ports) {
			for (int i = 0; i < listenersPerPort; i++) {
				SocketChannel channel = SocketChannel.open(new InetSocketAddress("127.0.0.1", port));
				channel.configureBlocking(false);
				channel.register(this.selector, SelectionKey.OP_READ, ByteBuffer.allocate(4096));
				this.listeners.add(channel);
			}
			Socket speaker = new Socket();
			speaker.connect(new InetSocketAddress("127.0.0.1", port), 10_000);
			speaker.setTcpNoDelay(true);
			this.speakers.add(speaker);
		}
		this.reader = new Thread(this::read, "bench-broadcast-reader");
		this.reader.start();
	}

	private void read() {
		try {
			while (this.running.get()) {
				this.selector.select(100);
				for (SelectionKey key : this.selector.selectedKeys()) {
					ByteBuffer buffer = (ByteBuffer) key.attachment();
					if (((SocketChannel) key.channel()).read(buffer) < 0) {
						key.cancel();
						continue;
					}
					lines(buffer);
				}
				this.selector.selectedKeys().clear();
			}
		}
		catch (IOException ex) {
			throw new java.io.UncheckedIOException(ex);
		}
	}

	/** Counts every complete line and records its latency; keeps a partial one. */
	private void lines(ByteBuffer buffer) {
		buffer.flip();
		long now = System.nanoTime();
		int start = 0;
		for (int i = 0; i < buffer.limit(); i++) {
			if (buffer.get(i) == '\n') {
				String line = StandardCharsets.US_ASCII.decode(buffer.slice(start, i - start)).toString();
				long sent = Long.parseLong(line.substring(line.lastIndexOf(' ') + 1));
				this.latencies.recordValue(Math.max(0, (now - sent) / 1000));
				this.delivered.incrementAndGet();
				start = i + 1;
			}
		}
		buffer.position(start);
		buffer.compact();
	}

	/**
	 * Sends lines from the speakers in turn at a fixed total rate for a while.
	 * @param perSecond lines per second across speakers
	 * @param millis how long
	 * @return lines sent
	 */
	long speak(int perSecond, long millis) throws IOException, InterruptedException {
		long interval = TimeUnit.SECONDS.toNanos(1) / perSecond;
		long start = System.nanoTime();
		long sent = 0;
		for (long next = start; next - start < TimeUnit.MILLISECONDS.toNanos(millis); next += interval) {
			long wait = next - System.nanoTime();
			if (wait > 0) {
				TimeUnit.NANOSECONDS.sleep(wait);
			}
			Socket speaker = this.speakers.get((int) (sent % this.speakers.size()));
			speaker.getOutputStream()
				.write(("say " + sent + " " + System.nanoTime() + "\n").getBytes(StandardCharsets.US_ASCII));
			sent++;
		}
		return sent;
	}

	long delivered() {
		return this.delivered.get();
	}

	/** The latencies recorded since the last call, in microseconds. */
	org.HdrHistogram.Histogram interval() {
		return this.latencies.getIntervalHistogram();
	}

	@Override
	public void close() throws IOException, InterruptedException {
		this.running.set(false);
		this.reader.join(5000);
		for (SocketChannel channel : this.listeners) {
			channel.close();
		}
		for (Socket speaker : this.speakers) {
			speaker.close();
		}
		this.selector.close();
	}

}
