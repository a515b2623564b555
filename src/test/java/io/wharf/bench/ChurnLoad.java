package io.wharf.bench;

import java.io.IOException;
import java.io.InputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import org.HdrHistogram.Histogram;

/**
 * Connection churn and greeting sessions: blocking clients on a few threads, each
 * repeating a whole short conversation (connect, exchange, close) as fast as it
 * completes.
 *
 * @param port server port
 * @param threads client threads
 * @param warmupMillis time before measuring
 * @param measureMillis measured time
 * @param conversation what one operation does on a connected socket
 */
record ChurnLoad(int port, int threads, long warmupMillis, long measureMillis, Conversation conversation) {

	LoadResult run() throws Exception {
		TcpLoad.Window window = new TcpLoad.Window(System.nanoTime(), this.warmupMillis, this.measureMillis);
		ExecutorService pool = Executors.newFixedThreadPool(this.threads);
		try {
			List<Future<TcpLoad.Window>> parts = new ArrayList<>();
			for (int t = 0; t < this.threads; t++) {
				parts.add(pool.submit(worker(window)));
			}
			Histogram latency = LoadResult.histogram();
			long operations = 0;
			long errors = 0;
			for (Future<TcpLoad.Window> part : parts) {
				TcpLoad.Window counted = part.get();
				latency.add(counted.latency);
				operations += counted.operations;
				errors += counted.errors;
			}
			return new LoadResult(operations, errors, latency, this.measureMillis / 1000.0);
		}
		finally {
			pool.shutdownNow();
		}
	}

	private Callable<TcpLoad.Window> worker(TcpLoad.Window shared) {
		return () -> {
			TcpLoad.Window own = new TcpLoad.Window(shared.start, this.warmupMillis, this.measureMillis);
			long now = System.nanoTime();
			while (now < own.end) {
				long started = now;
				try (Socket socket = new Socket()) {
					socket.setTcpNoDelay(true);
					socket.connect(new InetSocketAddress("127.0.0.1", this.port), 5000);
					socket.setSoTimeout(5000);
					if (!this.conversation.hold(socket)) {
						own.errors++;
					}
				}
				catch (IOException ex) {
					own.errors++;
				}
				now = System.nanoTime();
				own.completed(started, now);
			}
			return own;
		};
	}

	/** One operation on a connected socket. */
	interface Conversation {

		boolean hold(Socket socket) throws IOException;

		/** Send one 64-byte line, expect it back. */
		static Conversation echoOnce() {
			byte[] line = LoadFraming.LINE.frame(0, 0, 64);
			return (socket) -> {
				socket.getOutputStream().write(line);
				return Arrays.equals(socket.getInputStream().readNBytes(line.length), line);
			};
		}

		/** The whole greeting: welcome, one name, exit, farewell, end of stream. */
		static Conversation greeting() {
			byte[] welcome = "Server: Welcome!\nServer: What's your name".getBytes();
			byte[] hello = "Server: Hello bench!\nServer: What's your name".getBytes();
			byte[] bye = "Server: Good bye!\n".getBytes();
			return (socket) -> {
				InputStream in = socket.getInputStream();
				boolean ok = Arrays.equals(in.readNBytes(welcome.length), welcome);
				socket.getOutputStream().write("bench\n".getBytes());
				ok &= Arrays.equals(in.readNBytes(hello.length), hello);
				socket.getOutputStream().write("exit\n".getBytes());
				ok &= Arrays.equals(in.readNBytes(bye.length), bye);
				return ok && in.read() < 0;
			};
		}

	}

}
