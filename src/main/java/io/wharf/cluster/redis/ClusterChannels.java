package io.wharf.cluster.redis;

/**
 * The names of one cluster's Redis channels and keys, all under the cluster's name, so
 * that several clusters can share one Redis: {@code <cluster>:to:<instance>} and
 * {@code <cluster>:all} for messages, {@code <cluster>:instances},
 * {@code <cluster>:instance:<instance>} and
 * {@code <cluster>:sessions:<instance>:<listener>} for the directory.
 *
 * @param cluster the cluster's name
 * @param instance this instance's id
 */
public record ClusterChannels(String cluster, String instance) {

	/**
	 * This instance's own channel.
	 * @return its name
	 */
	String own() {
		return of(this.instance);
	}

	/**
	 * An instance's channel.
	 * @param id the instance's id
	 * @return its name
	 */
	String of(String id) {
		return this.cluster + ":to:" + id;
	}

	/**
	 * The channel every instance listens on.
	 * @return its name
	 */
	String all() {
		return this.cluster + ":all";
	}

	String instances() {
		return this.cluster + ":instances";
	}

	String instanceKey(String id) {
		return this.cluster + ":instance:" + id;
	}

	String sessionsKey(String id, String listener) {
		return this.cluster + ":sessions:" + id + ":" + listener;
	}

	String sessionsPattern(String id) {
		return this.cluster + ":sessions:" + id + ":*";
	}

}
