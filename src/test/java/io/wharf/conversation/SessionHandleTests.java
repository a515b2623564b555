package io.wharf.conversation;

import java.net.InetSocketAddress;
import java.util.List;
import java.util.Map;
import java.util.concurrent.RejectedExecutionException;

import io.wharf.api.CloseReason;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A session whose I/O thread stopped with the server: a tap's time limit, which comes
 * from another thread, still ends the tap instead of throwing on that thread.
 */
class SessionHandleTests {

	@Test
	void aTapOfASessionWhoseThreadIsGoneEndsAtItsTimeLimit() {
		SessionHandle session = new SessionHandle(new StoppedChannel());
		FrameTap tap = new FrameTap(10, 1024);
		session.untap(tap);
		assertThat(tap.result()).isCompleted();
		assertThat(tap.result().join().ended()).isEqualTo("closed");
	}

	/** A connection whose event loop has terminated. */
	private static final class StoppedChannel implements SessionChannel {

		@Override
		public String id() {
			return "8889-1";
		}

		@Override
		public String listener() {
			return "echo-line";
		}

		@Override
		public InetSocketAddress remoteAddress() {
			return new InetSocketAddress("127.0.0.1", 40000);
		}

		@Override
		public SessionObserver observer() {
			return SessionObserver.NONE;
		}

		@Override
		public boolean isOpen() {
			return false;
		}

		@Override
		public long writableBytes() {
			return 0;
		}

		@Override
		public void execute(Runnable task) {
			throw new RejectedExecutionException("event executor terminated");
		}

		@Override
		public void write(List<byte[]> frames) {
		}

		@Override
		public void answer(List<byte[]> frames, boolean close, boolean keepOpen) {
		}

		@Override
		public void close(CloseReason reason) {
		}

		@Override
		public Map<String, Object> describe() {
			return Map.of();
		}

	}

}
