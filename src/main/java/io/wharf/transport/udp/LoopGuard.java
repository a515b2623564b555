package io.wharf.transport.udp;

import java.net.InetSocketAddress;
import java.time.Duration;
import java.util.zip.CRC32C;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;

/**
 * Stops a reply loop with another server that answers back (an echo on an ordinary port,
 * reached through a forged source address): a source that sends back exactly the reply it
 * was just sent, {@link #REFLECTIONS} times in a row, each within {@link #WINDOW} of that
 * reply, is not answered for {@link #COOL_OFF}. Such a loop runs as fast as the round
 * trip allows, so it is caught within a fraction of a second; a client that sends the
 * same payload now and then, or anything else in between, never is.
 * <p>
 * Only sources that were answered are remembered (a bounded, expiring table), and a
 * datagram is hashed only when its length is that of the last reply to its source.
 */
final class LoopGuard {

	/** Reflections in a row that make a loop. */
	static final int REFLECTIONS = 20;

	/** How soon after its reply a reflection comes back. */
	static final Duration WINDOW = Duration.ofMillis(250);

	/** How long a looping source is not answered. */
	static final Duration COOL_OFF = Duration.ofSeconds(30);

	private static final long WINDOW_NANOS = WINDOW.toNanos();

	private static final long COOL_OFF_NANOS = COOL_OFF.toNanos();

	private final Cache<InetSocketAddress, Peer> peers = Caffeine.newBuilder()
		.maximumSize(SourceBudgets.MAX_SOURCES)
		.expireAfterAccess(Duration.ofSeconds(COOL_OFF.toSeconds() * 2))
		.executor(Runnable::run)
		.build();

	/** What a datagram from a source means for a loop. */
	enum Verdict {

		/** Nothing: answer it. */
		NONE,

		/** The reflection that made a loop: drop it, and say so. */
		STARTED,

		/** The source is cooling off: drop it. */
		COOLING

	}

	/**
	 * Looks at a datagram from a source.
	 * @param source where it came from
	 * @param data the buffer it is in
	 * @param offset where it starts
	 * @param length its length
	 * @param now {@link System#nanoTime()}
	 * @return whether it is part of a loop
	 */
	Verdict received(InetSocketAddress source, byte[] data, int offset, int length, long now) {
		Peer peer = this.peers.getIfPresent(source);
		return (peer != null) ? peer.received(data, offset, length, now) : Verdict.NONE;
	}

	/**
	 * Notes a reply sent to a source.
	 * @param destination where it went
	 * @param reply its bytes
	 * @param now {@link System#nanoTime()}
	 */
	void replied(InetSocketAddress destination, byte[] reply, long now) {
		this.peers.get(destination, (key) -> new Peer()).replied(reply, now);
	}

	private static long hash(byte[] data, int offset, int length) {
		CRC32C crc = new CRC32C();
		crc.update(data, offset, length);
		return crc.getValue();
	}

	private static final class Peer {

		private int length = -1;

		private long hash;

		private long repliedAt;

		private int reflections;

		private long coolingUntil;

		private boolean cooling;

		synchronized void replied(byte[] reply, long now) {
			this.length = reply.length;
			this.hash = hash(reply, 0, reply.length);
			this.repliedAt = now;
		}

		synchronized Verdict received(byte[] data, int offset, int length, long now) {
			if (this.cooling) {
				if (now - this.coolingUntil < 0) {
					return Verdict.COOLING;
				}
				this.cooling = false;
			}
			boolean reflection = length == this.length && now - this.repliedAt <= WINDOW_NANOS
					&& hash(data, offset, length) == this.hash;
			this.reflections = reflection ? this.reflections + 1 : 0;
			// Once looked at, a reply is not a reflection again.
			this.length = -1;
			if (this.reflections < REFLECTIONS) {
				return Verdict.NONE;
			}
			this.reflections = 0;
			this.cooling = true;
			this.coolingUntil = now + COOL_OFF_NANOS;
			return Verdict.STARTED;
		}

	}

}
