package io.wharf.transport.tcp;

import java.util.AbstractMap;
import java.util.AbstractSet;
import java.util.Iterator;
import java.util.Map;
import java.util.NoSuchElementException;
import java.util.Objects;
import java.util.Set;

import io.wharf.conversation.ConversationEvent;
import io.wharf.conversation.ConversationHeaders;
import io.wharf.conversation.ConversationMessages;
import io.wharf.conversation.SessionHandle;
import org.jspecify.annotations.Nullable;

import org.springframework.integration.ip.IpHeaders;
import org.springframework.messaging.Message;

/**
 * Builds the messages a TCP listener's sessions send to its service, in one step each: a
 * message's headers are Spring Integration's standard TCP headers, the listener's own and
 * the session, read straight from the session into the message's own header map (a
 * message builder would copy them three times, the largest cost per message under
 * pipelined load), and nothing is kept per session to do it.
 */
final class InboundMessages {

	private static final byte[] NO_PAYLOAD = new byte[0];

	private static final String[] SESSION_HEADERS = { IpHeaders.HOSTNAME, IpHeaders.IP_ADDRESS, IpHeaders.REMOTE_PORT,
			IpHeaders.CONNECTION_ID, IpHeaders.LOCAL_ADDRESS, ConversationHeaders.SESSION };

	private final String[] listenerKeys;

	private final Object[] listenerValues;

	private final boolean stamped;

	/**
	 * The messages of one listener.
	 * @param listenerHeaders the headers every message of the listener carries
	 * @param stamped whether messages get Spring's id and timestamp
	 */
	InboundMessages(Map<String, Object> listenerHeaders, boolean stamped) {
		this.listenerKeys = listenerHeaders.keySet().toArray(String[]::new);
		this.listenerValues = listenerHeaders.values().toArray();
		this.stamped = stamped;
	}

	/**
	 * A decoded frame as a message.
	 * @param connection the session's connection
	 * @param session the session as services see it
	 * @param frame its bytes
	 * @return the message
	 */
	Message<byte[]> frame(ConnectionContract connection, SessionHandle session, byte[] frame) {
		return ConversationMessages.of(frame, new Headers(connection, session, null, null, null, null), this.stamped);
	}

	/**
	 * A lifecycle moment of a session as a message with no payload.
	 * @param connection the session's connection
	 * @param session the session as services see it
	 * @param event what happened
	 * @param header an extra header name (e.g. the close reason), or null
	 * @param value its value
	 * @return the message
	 */
	Message<byte[]> event(ConnectionContract connection, SessionHandle session, ConversationEvent event,
			@Nullable String header, @Nullable Object value) {
		return ConversationMessages.of(NO_PAYLOAD, new Headers(connection, session, ConversationHeaders.EVENT, event,
				(value != null) ? header : null, value), this.stamped);
	}

	/**
	 * One message's headers as a view, read once by the message as it copies them: the
	 * session's, the listener's and up to two of the message's own.
	 */
	private final class Headers extends AbstractMap<String, Object> {

		private final ConnectionContract connection;

		private final SessionHandle session;

		private final @Nullable String[] ownKeys;

		private final @Nullable Object[] ownValues;

		private @Nullable String hostAddress;

		Headers(ConnectionContract connection, SessionHandle session, @Nullable String key, @Nullable Object value,
				@Nullable String otherKey, @Nullable Object otherValue) {
			this.connection = connection;
			this.session = session;
			this.ownKeys = new String[] { key, otherKey };
			this.ownValues = new Object[] { value, otherValue };
		}

		@Override
		public int size() {
			int own = ((this.ownKeys[0] != null) ? 1 : 0) + ((this.ownKeys[1] != null) ? 1 : 0);
			return SESSION_HEADERS.length + InboundMessages.this.listenerKeys.length + own;
		}

		@Override
		public Set<Entry<String, Object>> entrySet() {
			return new AbstractSet<>() {

				@Override
				public Iterator<Entry<String, Object>> iterator() {
					return new Entries();
				}

				@Override
				public int size() {
					return Headers.this.size();
				}

			};
		}

		private Object sessionValue(int index) {
			return switch (index) {
				case 0, 1 -> hostAddress();
				case 2 -> this.connection.getPort();
				case 3 -> this.connection.getConnectionId();
				case 4 -> this.connection.localAddress();
				default -> this.session;
			};
		}

		/** The host name header is the address too: reverse lookups are off. */
		private String hostAddress() {
			if (this.hostAddress == null) {
				this.hostAddress = this.connection.getHostAddress();
			}
			return this.hostAddress;
		}

		/**
		 * The session's headers, then the listener's, then the message's own, through one
		 * entry that each step fills: the message copies a header as it reads it and
		 * keeps no entry, so none is made per header.
		 */
		private final class Entries implements Iterator<Entry<String, Object>> {

			private final Header entry = new Header();

			private int next;

			private final int listener = SESSION_HEADERS.length;

			private final int own = this.listener + InboundMessages.this.listenerKeys.length;

			@Override
			public boolean hasNext() {
				skipUnset();
				return this.next < this.own + 2;
			}

			@Override
			public Entry<String, Object> next() {
				if (!hasNext()) {
					throw new NoSuchElementException();
				}
				int index = this.next++;
				if (index < this.listener) {
					return this.entry.set(SESSION_HEADERS[index], sessionValue(index));
				}
				if (index < this.own) {
					return this.entry.set(InboundMessages.this.listenerKeys[index - this.listener],
							InboundMessages.this.listenerValues[index - this.listener]);
				}
				return this.entry.set(Headers.this.ownKeys[index - this.own], Headers.this.ownValues[index - this.own]);
			}

			private void skipUnset() {
				while (this.next >= this.own && this.next < this.own + 2
						&& Headers.this.ownKeys[this.next - this.own] == null) {
					this.next++;
				}
			}

		}

		/** One header at a time, for {@link Entries}. */
		private static final class Header implements Entry<String, Object> {

			private @Nullable String key;

			private @Nullable Object value;

			Header set(@Nullable String key, @Nullable Object value) {
				this.key = key;
				this.value = value;
				return this;
			}

			@Override
			public String getKey() {
				return Objects.requireNonNull(this.key);
			}

			@Override
			public @Nullable Object getValue() {
				return this.value;
			}

			@Override
			public Object setValue(Object value) {
				throw new UnsupportedOperationException();
			}

		}

	}

}
