package io.wharf.cluster;

import java.util.Locale;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicLong;

import io.wharf.transport.SessionIds;
import org.jspecify.annotations.Nullable;

/**
 * This instance's id in the cluster, and the session ids it hands out:
 * {@code <instance>_<listener port>-<number>}, numbered from a random start so that a
 * restarted instance of the same name never hands out an id its earlier life did while
 * someone may still hold it.
 */
public final class InstanceId {

	/** What separates the instance's id from the rest of a session id. */
	static final char SEPARATOR = '_';

	private InstanceId() {
	}

	/**
	 * This instance's id.
	 * @param configured {@code wharf.cluster.instance-id}, or null
	 * @param hostName the host's name ({@code HOSTNAME}), or null
	 * @return the configured id; else the host name with a random suffix, so that two
	 * processes on one host differ; else a random id
	 */
	static String resolve(@Nullable String configured, @Nullable String hostName) {
		if (configured != null && !configured.isBlank()) {
			return configured;
		}
		String host = (hostName != null) ? hostName.toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9.-]", "-") : "";
		String base = (!host.isEmpty() && Character.isLetterOrDigit(host.charAt(0))) ? host : "wharf";
		return base.substring(0, Math.min(base.length(), 56)) + "-" + random(6);
	}

	private static String random(int length) {
		StringBuilder text = new StringBuilder(length);
		for (int i = 0; i < length; i++) {
			text.append(Character.forDigit(ThreadLocalRandom.current().nextInt(36), 36));
		}
		return text.toString();
	}

	/**
	 * The ids of this instance's sessions: {@code <instance>_<port>-<number>}, the number
	 * starting anywhere in 32 bits.
	 * @param instance this instance's id
	 * @return the ids
	 */
	static SessionIds sessionIds(String instance) {
		AtomicLong numbers = new AtomicLong(ThreadLocalRandom.current().nextLong(1L << 32));
		String prefix = instance + SEPARATOR;
		return (port) -> prefix + port + "-" + Long.toHexString(numbers.incrementAndGet());
	}

	/**
	 * The instance that holds a session.
	 * @param sessionId a session id
	 * @return the instance's id, or null for an id of no cluster
	 */
	public static @Nullable String owner(String sessionId) {
		int separator = sessionId.lastIndexOf(SEPARATOR);
		return (separator > 0) ? sessionId.substring(0, separator) : null;
	}

}
