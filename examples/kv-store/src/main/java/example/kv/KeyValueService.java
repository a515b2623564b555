package example.kv;

import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import io.wharf.api.Answer;
import io.wharf.api.Audience;
import io.wharf.api.Session;
import io.wharf.api.SocketService;
import io.wharf.api.SocketSessions;

import org.springframework.stereotype.Component;

/**
 * SET k v, GET k, DEL k, WATCH k, QUIT, one command per line. A session that watches a
 * key is told of every change to it, whoever made it: WATCH marks the session with an
 * attribute, and a change is broadcast to the sessions that carry it, so the store keeps
 * no list of watchers (and forgets nothing when a watcher leaves).
 */
@Component("kv")
class KeyValueService implements SocketService<Void> {

	private final Map<String, String> values = new ConcurrentHashMap<>();

	private final SocketSessions sessions;

	KeyValueService(SocketSessions sessions) {
		this.sessions = sessions;
	}

	@Override
	public Void opened(Session session, Answer answer) {
		answer.send("READY");
		return null;
	}

	@Override
	public void received(Session session, Void state, byte[] frame, Answer answer) {
		String[] words = new String(frame, StandardCharsets.UTF_8).strip().split(" ", 3);
		switch (words[0].toUpperCase()) {
			case "SET" -> {
				if (words.length < 3) {
					answer.send("ERR usage: SET key value");
					return;
				}
				this.values.put(words[1], words[2]);
				answer.send("OK");
				notify(session, words[1], "CHANGED " + words[1] + " " + words[2]);
			}
			case "GET" -> answer.send(this.values.getOrDefault(key(words), "NIL"));
			case "DEL" -> {
				boolean deleted = this.values.remove(key(words)) != null;
				answer.send(deleted ? "1" : "0");
				if (deleted) {
					notify(session, key(words), "DELETED " + key(words));
				}
			}
			case "WATCH" -> {
				session.attribute(watching(key(words)), "yes");
				answer.send("WATCHING " + key(words));
			}
			case "QUIT" -> answer.send("BYE").thenClose();
			default -> answer.send("ERR unknown command " + words[0]);
		}
	}

	private void notify(Session writer, String key, String change) {
		this.sessions.broadcast(Audience.of(writer.listener()).having(watching(key)),
				change.getBytes(StandardCharsets.UTF_8));
	}

	private static String watching(String key) {
		return "watch:" + key;
	}

	private static String key(String[] words) {
		return (words.length > 1) ? words[1] : "";
	}

}
