package io.wharf.greeting;

/**
 * Where one greeting session is: waiting for a first name, or greeted; moved by the
 * session's own I/O thread only.
 */
final class GreetingState {

	static final String AWAITING_NAME = "awaiting_name";

	static final String GREETED = "greeted";

	private final GreetingMeters.Listener meters;

	private volatile boolean greeted;

	GreetingState(GreetingMeters.Listener meters) {
		this.meters = meters;
		meters.awaiting.incrementAndGet();
	}

	void greeted(int names) {
		this.meters.greeted(names);
		if (names > 0 && !this.greeted) {
			this.greeted = true;
			this.meters.awaiting.decrementAndGet();
			this.meters.greeted.incrementAndGet();
		}
	}

	void ended(io.wharf.api.CloseReason reason) {
		(this.greeted ? this.meters.greeted : this.meters.awaiting).decrementAndGet();
		this.meters.completed(reason);
	}

	String describe() {
		return this.greeted ? GREETED : AWAITING_NAME;
	}

}
