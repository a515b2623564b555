package example.chat;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.stream.Collectors;

import io.wharf.api.Answer;
import io.wharf.api.Audience;
import io.wharf.api.CloseReason;
import io.wharf.api.Session;
import io.wharf.api.SocketService;
import io.wharf.api.SocketSessions;

import org.springframework.stereotype.Component;

/**
 * A chat room, one line per message: the first line is the member's nickname, then every
 * line goes to everyone else in the room; {@code /who} lists the members, {@code /quit}
 * leaves. The nickname is a session attribute, so the room needs no registry of its own,
 * and in cluster mode the room spans every instance.
 */
@Component("chat")
class ChatService implements SocketService<Void> {

	private static final String NICK = "nick";

	private final SocketSessions sessions;

	ChatService(SocketSessions sessions) {
		this.sessions = sessions;
	}

	@Override
	public Void opened(Session session, Answer answer) {
		answer.send("Welcome! Who are you?");
		return null;
	}

	@Override
	public void received(Session session, Void state, byte[] frame, Answer answer) {
		String line = new String(frame, StandardCharsets.UTF_8).strip();
		String nick = session.attribute(NICK);
		if (nick == null) {
			join(session, line, answer);
		}
		else if (line.equals("/who")) {
			this.sessions.list(session.listener())
				.thenAccept((members) -> session.send(text("members: " + members.stream()
					.map((member) -> member.attributes().get(NICK))
					.filter((name) -> name != null)
					.sorted()
					.collect(Collectors.joining(", ")))));
		}
		else if (line.equals("/quit")) {
			answer.send("Bye, " + nick + "!").thenClose();
		}
		else if (!line.isEmpty()) {
			this.sessions.broadcast(othersInTheRoom(session), text(nick + ": " + line));
		}
	}

	private void join(Session session, String nick, Answer answer) {
		if (nick.isEmpty() || nick.contains(" ")) {
			answer.send("A nickname is one word. Who are you?");
			return;
		}
		session.attribute(NICK, nick);
		answer.send("Hello " + nick + "! /who lists the room, /quit leaves.");
		this.sessions.broadcast(othersInTheRoom(session), text("* " + nick + " joined"));
	}

	/** A quiet member stays: the room keeps the session, and TCP keep-alive finds dead clients. */
	@Override
	public void idle(Session session, Void state, Duration timeout, Answer answer) {
		answer.keepOpen();
	}

	@Override
	public void closed(Session session, Void state, CloseReason reason) {
		String nick = session.attribute(NICK);
		if (nick != null) {
			this.sessions.broadcast(othersInTheRoom(session), text("* " + nick + " left"));
		}
	}

	/** The members who joined, on every instance, but the one speaking. */
	private static Audience othersInTheRoom(Session session) {
		return Audience.of(session.listener()).except(session.id()).having(NICK);
	}

	private static byte[] text(String line) {
		return line.getBytes(StandardCharsets.UTF_8);
	}

}
