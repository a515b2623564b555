package io.wharf.greeting;

import java.time.Duration;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

import io.wharf.api.Answer;
import io.wharf.api.CloseReason;
import io.wharf.api.Datagram;
import io.wharf.api.Reply;
import io.wharf.api.Session;
import io.wharf.api.SocketService;
import org.jspecify.annotations.Nullable;

/**
 * The greeting as a socket service: the {@link GreetingScript}'s texts, with each
 * session's state and the greeting's meters. A fragment of a name cut by a read boundary
 * is held ({@link NameFragments}) and answered when its line break arrives, or after
 * {@code wharf.greeting.fragment-wait} without one.
 */
public final class GreetingService implements SocketService<GreetingState>, AutoCloseable {

	/** How long a held fragment waits for the rest of its line before it is answered. */
	private final Duration fragmentWait;

	private final GreetingScript conversation;

	private final GreetingMeters meters;

	private final int maxNameBytes;

	private final ScheduledExecutorService quietTimer = Executors.newSingleThreadScheduledExecutor((task) -> {
		Thread thread = new Thread(task, "wharf-greeting-quiet");
		thread.setDaemon(true);
		return thread;
	});

	GreetingService(GreetingScript conversation, GreetingMeters meters, int maxNameLength, Duration fragmentWait) {
		this.conversation = conversation;
		this.fragmentWait = fragmentWait;
		this.meters = meters;
		// Four bytes per character at most, and a CR.
		this.maxNameBytes = 4 * maxNameLength + 1;
	}

	@Override
	public void listening(String listener, String protocol) {
		this.meters.of(listener, "tcp".equals(protocol));
	}

	@Override
	public GreetingState opened(Session session, Answer answer) {
		send(this.conversation.open(), answer);
		return new GreetingState(this.meters.of(session.listener(), true), this.maxNameBytes);
	}

	@Override
	public void received(Session session, @Nullable GreetingState state, byte[] frame, Answer answer) {
		if (state == null) {
			send(this.conversation.receive(frame, false).reply(), answer);
			return;
		}
		byte[] complete = state.fragments.complete(frame);
		if (complete.length > 0) {
			Greetings greetings = this.conversation.receive(complete, state.afterEmpty());
			state.answered(greetings);
			send(greetings.reply(), answer);
		}
		long held = state.fragments.holding();
		if (held >= 0) {
			this.quietTimer.schedule(() -> answerHeld(session, state, held), this.fragmentWait.toMillis(),
					TimeUnit.MILLISECONDS);
		}
	}

	/** A fragment still held after the quiet time is a name sent without a line break. */
	private void answerHeld(Session session, GreetingState state, long mark) {
		byte[] fragment = state.fragments.takeIfUnchanged(mark);
		if (fragment == null) {
			return;
		}
		Greetings greetings = this.conversation.receive(fragment, state.afterEmpty());
		state.answered(greetings);
		session.send(greetings.reply().frames().toArray(byte[][]::new));
		if (greetings.reply().close()) {
			session.close();
		}
	}

	@Override
	public void close() {
		this.quietTimer.shutdownNow();
	}

	@Override
	public void idle(Session session, @Nullable GreetingState state, Duration timeout, Answer answer) {
		send(this.conversation.idle(timeout), answer);
	}

	@Override
	public void draining(Session session, @Nullable GreetingState state, Answer answer) {
		send(this.conversation.shuttingDown(), answer);
	}

	@Override
	public void closed(Session session, @Nullable GreetingState state, CloseReason reason) {
		if (state != null) {
			state.ended(reason);
		}
	}

	@Override
	public void datagram(Datagram datagram, Answer answer) {
		Greetings greetings = this.conversation.receiveDatagram(datagram.payload());
		this.meters.of(datagram.listener(), false).greeted(greetings.greetings());
		greetings.reply().frames().forEach(answer::send);
	}

	@Override
	public @Nullable String describe(@Nullable GreetingState state) {
		return (state != null) ? state.describe() : null;
	}

	private static void send(Reply reply, Answer answer) {
		reply.frames().forEach(answer::send);
		if (reply.close()) {
			answer.thenClose();
		}
	}

}
