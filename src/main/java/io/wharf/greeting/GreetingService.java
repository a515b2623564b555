package io.wharf.greeting;

import java.time.Duration;

import io.wharf.api.Answer;
import io.wharf.api.CloseReason;
import io.wharf.api.Datagram;
import io.wharf.api.Session;
import io.wharf.api.SocketService;
import io.wharf.system.Reply;
import org.jspecify.annotations.Nullable;

/**
 * The greeting as a socket service: the {@link GreetingScript}'s texts, with each
 * session's state and the greeting's meters.
 */
public final class GreetingService implements SocketService<GreetingState> {

	private final GreetingScript conversation;

	private final GreetingMeters meters;

	GreetingService(GreetingScript conversation, GreetingMeters meters) {
		this.conversation = conversation;
		this.meters = meters;
	}

	@Override
	public void listening(String listener, String protocol) {
		this.meters.of(listener, "tcp".equals(protocol));
	}

	@Override
	public GreetingState opened(Session session, Answer answer) {
		send(this.conversation.open(), answer);
		return new GreetingState(this.meters.of(session.listener(), true));
	}

	@Override
	public void received(Session session, @Nullable GreetingState state, byte[] frame, Answer answer) {
		Greetings greetings = this.conversation.receive(frame);
		if (state != null) {
			state.greeted(greetings.greetings());
		}
		send(greetings.reply(), answer);
	}

	@Override
	public void idle(Session session, @Nullable GreetingState state, Duration timeout, Answer answer) {
		send(this.conversation.idle(timeout), answer);
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
