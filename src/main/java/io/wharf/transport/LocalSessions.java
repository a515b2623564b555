package io.wharf.transport;

import java.util.Optional;

import io.wharf.api.SendResult;
import io.wharf.api.Session;
import io.wharf.api.SocketSessions;

/**
 * The open TCP sessions of every running listener, for application beans that send to
 * clients outside a call to a service.
 */
class LocalSessions implements SocketSessions {

	private final Listeners listeners;

	LocalSessions(Listeners listeners) {
		this.listeners = listeners;
	}

	@Override
	public Optional<Session> find(String id) {
		for (BoundListener listener : this.listeners.bound().values()) {
			Session open = listener.session(id);
			if (open != null) {
				return Optional.of(open);
			}
		}
		return Optional.empty();
	}

	@Override
	public Broadcast broadcast(String listener, byte[]... frames) {
		BoundListener bound = this.listeners.bound().get(listener);
		if (bound == null) {
			throw new IllegalArgumentException(
					"No running listener named '" + listener + "'; running: " + this.listeners.bound().keySet());
		}
		int sent = 0;
		int busy = 0;
		int gone = 0;
		for (Session open : bound.sessions()) {
			SendResult result = open.send(frames);
			switch (result) {
				case SENT -> sent++;
				case BUSY -> busy++;
				case GONE -> gone++;
			}
		}
		return new Broadcast(sent, busy, gone);
	}

}
