package io.wharf.server;

import java.util.Collections;
import java.util.Set;
import java.util.TreeSet;

import org.jspecify.annotations.Nullable;

import org.springframework.core.env.PropertySource;

/**
 * A property source that holds nothing and notes every property name looked up through
 * it: placed first while Spring AOT evaluates the bean conditions at build time, it
 * learns which properties decided which beans exist.
 */
class ConditionReads extends PropertySource<Set<String>> {

	static final String NAME = "wharfConditionReads";

	private volatile boolean recording;

	ConditionReads() {
		super(NAME, Collections.synchronizedSet(new TreeSet<>()));
	}

	void start() {
		this.recording = true;
	}

	/**
	 * Stops recording.
	 * @return the names looked up while recording, sorted
	 */
	Set<String> stop() {
		this.recording = false;
		synchronized (this.source) {
			return new TreeSet<>(this.source);
		}
	}

	@Override
	public @Nullable Object getProperty(String name) {
		if (this.recording) {
			this.source.add(name);
		}
		return null;
	}

}
