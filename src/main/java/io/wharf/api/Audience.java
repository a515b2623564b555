package io.wharf.api;

import org.jspecify.annotations.Nullable;

/**
 * Which sessions of a listener a broadcast reaches: all of them, or all but one (the
 * sender's, say), or those with an attribute (members who joined a chat room), or with an
 * attribute of a given value (the members of one room). Plain data, so that in cluster
 * mode every instance applies it to its own sessions.
 *
 * @param listener the listener's name
 * @param except the id of a session left out, or null
 * @param attribute the name of an attribute a session must have, or null for any session
 * @param value the value that attribute must have, or null for any value
 */
public record Audience(String listener, @Nullable String except, @Nullable String attribute, @Nullable String value) {

	/**
	 * Every session of a listener.
	 * @param listener the listener's name
	 * @return the audience
	 */
	public static Audience of(String listener) {
		return new Audience(listener, null, null, null);
	}

	/**
	 * This audience but one session.
	 * @param id the session left out
	 * @return the narrower audience
	 */
	public Audience except(String id) {
		return new Audience(this.listener, id, this.attribute, this.value);
	}

	/**
	 * The sessions of this audience that have an attribute.
	 * @param name the attribute's name
	 * @return the narrower audience
	 */
	public Audience having(String name) {
		return new Audience(this.listener, this.except, name, null);
	}

	/**
	 * The sessions of this audience whose attribute has a value.
	 * @param name the attribute's name
	 * @param value its value
	 * @return the narrower audience
	 */
	public Audience having(String name, String value) {
		return new Audience(this.listener, this.except, name, value);
	}

	/**
	 * Whether a session of the listener is in this audience.
	 * @param session the session
	 * @return true when the broadcast reaches it
	 */
	public boolean includes(Session session) {
		if (session.id().equals(this.except)) {
			return false;
		}
		if (this.attribute == null) {
			return true;
		}
		String actual = session.attribute(this.attribute);
		return actual != null && (this.value == null || this.value.equals(actual));
	}

}
