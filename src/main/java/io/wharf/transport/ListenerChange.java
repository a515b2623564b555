package io.wharf.transport;

import java.util.List;
import java.util.Map;

import io.wharf.config.ListenerProperties;

/**
 * What a change of the listeners' configuration does to the running listeners, by name.
 *
 * @param added listeners bound anew
 * @param removed listeners drained and unbound
 * @param changed listeners drained and bound anew with their new settings
 * @param adjusted listeners that took their new settings (timeouts, limits) without a
 * drain, open sessions included
 * @param unchanged listeners left alone, their sessions too
 * @param drainedSessions sessions open on the removed and changed listeners when their
 * drain began
 */
public record ListenerChange(List<String> added, List<String> removed, List<String> changed, List<String> adjusted,
		List<String> unchanged, int drainedSessions) {

	/**
	 * Compares two configurations.
	 * @param now the listeners running, by name
	 * @param wanted the listeners wanted, by name
	 * @return what changes, nothing drained yet
	 */
	static ListenerChange between(Map<String, ListenerProperties> now, Map<String, ListenerProperties> wanted) {
		List<String> added = wanted.keySet().stream().filter((name) -> !now.containsKey(name)).toList();
		List<String> removed = now.keySet().stream().filter((name) -> !wanted.containsKey(name)).toList();
		List<String> changed = wanted.keySet()
			.stream()
			.filter((name) -> now.containsKey(name) && !now.get(name).equals(wanted.get(name)))
			.toList();
		List<String> unchanged = wanted.keySet()
			.stream()
			.filter((name) -> now.containsKey(name) && now.get(name).equals(wanted.get(name)))
			.toList();
		return new ListenerChange(added, removed, changed, List.of(), unchanged, 0);
	}

	/**
	 * The change, once the changed listeners that took their settings in place are known
	 * and the others drained.
	 * @param inPlace the changed listeners that took their new settings without a drain
	 * @param sessions the sessions open on the drained listeners when the drain began
	 * @return the change
	 */
	ListenerChange applied(List<String> inPlace, int sessions) {
		List<String> rebound = this.changed.stream().filter((name) -> !inPlace.contains(name)).toList();
		return new ListenerChange(this.added, this.removed, rebound, List.copyOf(inPlace), this.unchanged, sessions);
	}

	/**
	 * Whether no listener changes.
	 * @return true when every listener stays as it is
	 */
	public boolean isEmpty() {
		return this.added.isEmpty() && this.removed.isEmpty() && this.changed.isEmpty() && this.adjusted.isEmpty();
	}

	@Override
	public String toString() {
		return "added " + names(this.added) + ", removed " + names(this.removed) + " and changed " + names(this.changed)
				+ " (" + this.drainedSessions
				+ " sessions drained); new timeouts and limits in place, sessions kept, for " + names(this.adjusted)
				+ "; unchanged " + names(this.unchanged);
	}

	private static String names(List<String> names) {
		return names.isEmpty() ? "none" : String.join(", ", names);
	}

}
