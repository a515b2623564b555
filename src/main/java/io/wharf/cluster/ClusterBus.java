package io.wharf.cluster;

import java.util.function.Consumer;

import org.jspecify.annotations.Nullable;

/**
 * How instances reach each other: the one seam between the cluster and the messaging
 * system under it. Redis publish/subscribe through Spring Integration's Redis adapters is
 * {@code RedisClusterBus}; an AMQP or Kafka variant, on Spring Integration's adapters for
 * those, is another implementation of these four methods (docs/cluster.md).
 * <p>
 * A bus delivers at most once, in order per sender, and never blocks the caller of
 * {@link #publish}.
 */
public interface ClusterBus {

	/**
	 * Starts listening: from now on, every message addressed to this instance or to all
	 * instances is handed to the receiver, one at a time, in the order each sender
	 * published them.
	 * @param receiver takes each message's bytes
	 */
	void start(Consumer<byte[]> receiver);

	/**
	 * Queues a message for another instance or for all; returns at once.
	 * @param instance the addressee, or null for every instance (this one included)
	 * @param message the message's bytes
	 * @param deadline epoch milliseconds after which it is not worth sending any more
	 * @return false when the bus's queue is full and the message was not queued
	 */
	boolean publish(@Nullable String instance, byte[] message, long deadline);

	/** Stops listening and drops what is queued. */
	void stop();

	/**
	 * Where the bus goes, for log lines and health.
	 * @return e.g. {@code redis://redis.wharf.svc:6379}
	 */
	String endpoint();

	/** What a bus tells the cluster's meters of the messages it could not carry. */
	interface Drops {

		/** A message was queued, but the messaging system did not take it. */
		void publishFailed();

		/** A queued message's deadline passed before it could be published. */
		void expiredBeforePublishing();

		/** A message arrived while the receiving queue was full, and was dropped. */
		void droppedOnArrival();

	}

}
