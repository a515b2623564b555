package io.wharf.test;

import java.util.Collection;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ConcurrentHashMap;

import io.wharf.api.Audience;
import io.wharf.api.SendResult;
import io.wharf.api.Session;
import io.wharf.api.SessionInfo;
import io.wharf.api.SocketSessions;

/**
 * {@link SocketSessions} over the {@link TestSession}s a test adds, for unit-testing a
 * service that reaches other sessions (a chat room, a watch list) without sockets: sends
 * and broadcasts land in the sessions' {@link TestSession#sent()} at once.
 */
public final class TestSessions implements SocketSessions {

	private static final String INSTANCE = "test";

	private final Map<String, TestSession> sessions = new ConcurrentHashMap<>();

	/**
	 * Adds a session, as a listener does when it opens.
	 * @param session the session
	 * @return the session
	 */
	public TestSession add(TestSession session) {
		this.sessions.put(session.id(), session);
		return session;
	}

	/**
	 * Removes a session, as a listener does when it closes.
	 * @param session the session
	 */
	public void remove(Session session) {
		this.sessions.remove(session.id());
	}

	@Override
	public Optional<Session> find(String id) {
		return Optional.ofNullable(this.sessions.get(id));
	}

	@Override
	public Collection<Session> sessions(String listener) {
		return this.sessions.values()
			.stream()
			.filter((s) -> s.listener().equals(listener))
			.map(Session.class::cast)
			.toList();
	}

	@Override
	public CompletionStage<SendResult> send(String id, byte[]... frames) {
		TestSession session = this.sessions.get(id);
		return CompletableFuture.completedFuture((session != null) ? session.send(frames) : SendResult.GONE);
	}

	@Override
	public CompletionStage<Broadcast> broadcast(Audience audience, byte[]... frames) {
		int sent = 0;
		int gone = 0;
		for (Session session : sessions(audience.listener())) {
			if (!audience.includes(session)) {
				continue;
			}
			if (session.send(frames) == SendResult.SENT) {
				sent++;
			}
			else {
				gone++;
			}
		}
		return CompletableFuture.completedFuture(new Broadcast(sent, 0, gone, 0));
	}

	@Override
	public CompletionStage<Optional<SessionInfo>> locate(String id) {
		return CompletableFuture.completedFuture(Optional.ofNullable(this.sessions.get(id)).map(TestSessions::info));
	}

	@Override
	public CompletionStage<List<SessionInfo>> list(String listener) {
		return CompletableFuture.completedFuture(sessions(listener).stream()
			.map(TestSession.class::cast)
			.map(TestSessions::info)
			.sorted(Comparator.comparing(SessionInfo::id))
			.toList());
	}

	@Override
	public CompletionStage<Map<String, Integer>> count(String listener) {
		return CompletableFuture.completedFuture(Map.of(INSTANCE, sessions(listener).size()));
	}

	private static SessionInfo info(TestSession session) {
		return new SessionInfo(session.id(), session.listener(), INSTANCE,
				session.remoteAddress().getAddress().getHostAddress() + ":" + session.remoteAddress().getPort(),
				java.time.Instant.EPOCH, session.attributes());
	}

}
