package io.wharf.transport;

import java.lang.reflect.Method;
import java.lang.reflect.RecordComponent;
import java.util.Collection;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.concurrent.CompletableFuture;

import io.wharf.api.Audience;
import io.wharf.api.SocketSessions.Broadcast;
import io.wharf.config.ListenerProperties;
import io.wharf.conversation.SessionHandle;
import org.jspecify.annotations.Nullable;

/**
 * A listener whose socket is bound, through its life: serving, no longer accepting,
 * drained, closed.
 */
public interface BoundListener {

	/**
	 * The listener's name.
	 * @return the key under {@code wharf.listeners}
	 */
	String name();

	/**
	 * The listener's configuration.
	 * @return its properties
	 */
	ListenerProperties properties();

	/**
	 * The port actually bound, which differs from the configured one for port 0.
	 * @return the local port
	 */
	int localPort();

	/**
	 * Starts serving: registers the listener's flows and accepts clients.
	 * @param wharfPorts the ports of every listener of this process, which a UDP listener
	 * never answers, so that two listeners cannot be made to answer each other forever
	 */
	void start(Set<Integer> wharfPorts);

	/** Stops accepting new clients, leaving open sessions be. */
	void stopAccepting();

	/**
	 * Completes when no session is open any more, once the listener stopped accepting.
	 * @return the future; complete at once for a listener without sessions
	 */
	CompletableFuture<Void> drained();

	/**
	 * What the sessions that ended since the drain began left behind.
	 * @return bytes read and not answered, and bytes discarded unread
	 */
	default Leftovers leftovers() {
		return Leftovers.NONE;
	}

	/** Closes what is still open, removes the flows and releases the socket. */
	void close();

	/**
	 * Takes new settings while running, without a drain, where the change allows it.
	 * @param next the listener's new settings
	 * @return the listener with them, or null when it must be bound anew for them
	 */
	default @Nullable BoundListener adjusted(ListenerProperties next) {
		return null;
	}

	/**
	 * Whether two settings of a listener differ in the named settings alone.
	 * @param running the settings it runs with
	 * @param next its new settings
	 * @param settings the names of the settings that may differ (record components)
	 * @return true when every other setting is equal
	 */
	static boolean differOnlyIn(ListenerProperties running, ListenerProperties next, Set<String> settings) {
		for (RecordComponent component : ListenerProperties.class.getRecordComponents()) {
			if (settings.contains(component.getName())) {
				continue;
			}
			try {
				Method accessor = component.getAccessor();
				if (!Objects.equals(accessor.invoke(running), accessor.invoke(next))) {
					return false;
				}
			}
			catch (ReflectiveOperationException ex) {
				throw new IllegalStateException(ex);
			}
		}
		return true;
	}

	/**
	 * The open sessions, as they are now; cheap, and safe from any thread.
	 * @return a live view of the open sessions (empty for UDP)
	 */
	Collection<SessionHandle> sessions();

	/**
	 * Sends frames to the open sessions of an audience, with one task per I/O thread
	 * rather than one per session.
	 * @param audience which sessions
	 * @param frames the frames
	 * @return what the sessions made of them
	 */
	Broadcast broadcast(Audience audience, List<byte[]> frames);

	/**
	 * An open session.
	 * @param id the session's id
	 * @return the session, or null when no such session is open on this listener
	 */
	@Nullable SessionHandle session(String id);

}
