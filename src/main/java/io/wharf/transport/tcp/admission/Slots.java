package io.wharf.transport.tcp.admission;

import java.util.concurrent.atomic.AtomicInteger;

/**
 * A fixed number of connection slots, taken and given back exactly under concurrency: a
 * slot is taken by compare-and-set before a session exists, so a cap is never overshot.
 */
final class Slots {

	private volatile int max;

	private final AtomicInteger taken = new AtomicInteger();

	Slots(int max) {
		this.max = max;
	}

	int max() {
		return this.max;
	}

	/**
	 * A new maximum, for the slots taken from now on: slots taken over it are kept until
	 * given back.
	 * @param max slots at most
	 */
	void max(int max) {
		this.max = max;
	}

	/**
	 * Takes a slot if one is free.
	 * @return true when taken; give it back with {@link #release} once
	 */
	boolean take() {
		int now;
		do {
			now = this.taken.get();
			if (now >= this.max) {
				return false;
			}
		}
		while (!this.taken.compareAndSet(now, now + 1));
		return true;
	}

	/**
	 * Gives a slot back.
	 * @return the slots still taken
	 */
	int release() {
		return this.taken.decrementAndGet();
	}

	int taken() {
		return this.taken.get();
	}

}
