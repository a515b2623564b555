package io.wharf.test;

import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicInteger;

import io.wharf.api.Answer;
import io.wharf.api.CloseReason;
import io.wharf.api.Datagram;
import io.wharf.api.SocketService;
import org.jspecify.annotations.Nullable;

/**
 * Calls a {@link SocketService} the way a listener does, without sockets or Spring, for
 * unit tests: a conversation opens (the service may speak first and keeps its state),
 * frames arrive, the session goes idle, drains or closes; a datagram arrives. For
 * example:
 *
 * <pre class="code">
 * ServiceDriver&lt;Void&gt; shout = ServiceDriver.of(new ShoutService(), "shout");
 * assertThat(shout.open().receive("hello").frames()).containsExactly("HELLO!");
 * </pre>
 *
 * @param <S> the state the service keeps per session
 */
public final class ServiceDriver<S> {

	private final SocketService<S> service;

	private final String listener;

	private final AtomicInteger sessions = new AtomicInteger();

	private ServiceDriver(SocketService<S> service, String listener) {
		this.service = service;
		this.listener = listener;
	}

	/**
	 * Drives a service as one listener would.
	 * @param <S> the state it keeps per session
	 * @param service the service
	 * @param listener the listener's name its sessions report
	 * @return the driver
	 */
	public static <S> ServiceDriver<S> of(SocketService<S> service, String listener) {
		service.listening(listener, "tcp");
		return new ServiceDriver<>(service, listener);
	}

	/**
	 * A session opens with a new {@link TestSession}.
	 * @return the conversation, with what the service said first
	 */
	public Conversation open() {
		return open(new TestSession(this.listener + "-" + this.sessions.incrementAndGet(), this.listener));
	}

	/**
	 * A session opens.
	 * @param session the session the service sees
	 * @return the conversation, with what the service said first
	 */
	public Conversation open(TestSession session) {
		Answer answer = new Answer();
		S state = this.service.opened(session, answer);
		return new Conversation(session, state, Answered.of(answer));
	}

	/**
	 * A datagram arrives from 127.0.0.1.
	 * @param text the datagram, as UTF-8
	 * @return the answer, sent back in one datagram
	 */
	public Answered datagram(String text) {
		Answer answer = new Answer();
		this.service.datagram(new Datagram(this.listener, new InetSocketAddress("127.0.0.1", 40000),
				text.getBytes(StandardCharsets.UTF_8)), answer);
		return Answered.of(answer);
	}

	/** One session's conversation with the service. */
	public final class Conversation {

		private final TestSession session;

		private final @Nullable S state;

		private final Answered opening;

		private Conversation(TestSession session, @Nullable S state, Answered opening) {
			this.session = session;
			this.state = state;
			this.opening = opening;
		}

		/**
		 * What the service said when the session opened.
		 * @return its answer to {@code opened}
		 */
		public Answered opening() {
			return this.opening;
		}

		/**
		 * A frame arrives.
		 * @param text the frame, as UTF-8 (framing removed)
		 * @return the service's answer
		 */
		public Answered receive(String text) {
			return receive(text.getBytes(StandardCharsets.UTF_8));
		}

		/**
		 * A frame arrives.
		 * @param frame its bytes (framing removed)
		 * @return the service's answer
		 */
		public Answered receive(byte[] frame) {
			Answer answer = new Answer();
			ServiceDriver.this.service.received(this.session, this.state, frame, answer);
			return Answered.of(answer);
		}

		/**
		 * The session stayed silent for its idle timeout.
		 * @param timeout the timeout
		 * @return the service's last words, and whether it keeps the session open
		 */
		public Answered idle(Duration timeout) {
			Answer answer = new Answer();
			ServiceDriver.this.service.idle(this.session, this.state, timeout, answer);
			return new Answered(Answered.text(answer.frames()), !answer.keepsOpen());
		}

		/**
		 * The server is shutting down.
		 * @return the service's last words
		 */
		public Answered draining() {
			Answer answer = new Answer();
			ServiceDriver.this.service.draining(this.session, this.state, answer);
			return new Answered(Answered.text(answer.frames()), true);
		}

		/**
		 * The session closed.
		 * @param reason why
		 */
		public void close(CloseReason reason) {
			this.session.close();
			ServiceDriver.this.service.closed(this.session, this.state, reason);
		}

		/**
		 * The session the service sees, with what it was sent later.
		 * @return the session
		 */
		public TestSession session() {
			return this.session;
		}

		/**
		 * The state the service keeps for the session.
		 * @return what {@code opened} returned
		 */
		public @Nullable S state() {
			return this.state;
		}

	}

}
