package example.kv;

import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

import io.wharf.api.Answer;
import io.wharf.api.CloseReason;
import io.wharf.api.Session;
import io.wharf.api.SocketService;

import org.springframework.stereotype.Component;

/**
 * SET k v, GET k, DEL k, WATCH k, QUIT, one command per line. A session that watches a
 * key is told of every change to it, whoever made it.
 */
@Component("kv")
class KeyValueService implements SocketService<Set<String>> {

	private final Map<String, String> values = new ConcurrentHashMap<>();

	private final Map<String, Set<Session>> watchers = new ConcurrentHashMap<>();

	@Override
	public Set<String> opened(Session session, Answer answer) {
		answer.send("READY");
		return ConcurrentHashMap.newKeySet();
	}

	@Override
	public void received(Session session, Set<String> watched, byte[] frame, Answer answer) {
		String[] words = new String(frame).strip().split(" ", 3);
		switch (words[0].toUpperCase()) {
			case "SET" -> {
				if (words.length < 3) {
					answer.send("ERR usage: SET key value");
					return;
				}
				this.values.put(words[1], words[2]);
				answer.send("OK");
				notify(words[1], "CHANGED " + words[1] + " " + words[2]);
			}
			case "GET" -> answer.send(this.values.getOrDefault(key(words), "NIL"));
			case "DEL" -> {
				boolean deleted = this.values.remove(key(words)) != null;
				answer.send(deleted ? "1" : "0");
				if (deleted) {
					notify(key(words), "DELETED " + key(words));
				}
			}
			case "WATCH" -> {
				watched.add(key(words));
				this.watchers.computeIfAbsent(key(words), (key) -> ConcurrentHashMap.newKeySet()).add(session);
				answer.send("WATCHING " + key(words));
			}
			case "QUIT" -> answer.send("BYE").thenClose();
			default -> answer.send("ERR unknown command " + words[0]);
		}
	}

	@Override
	public void closed(Session session, Set<String> watched, CloseReason reason) {
		watched.forEach((key) -> this.watchers.getOrDefault(key, Set.of()).remove(session));
	}

	private void notify(String key, String change) {
		this.watchers.getOrDefault(key, Set.of()).forEach((watcher) -> watcher.send(change.getBytes()));
	}

	private static String key(String[] words) {
		return (words.length > 1) ? words[1] : "";
	}

}
