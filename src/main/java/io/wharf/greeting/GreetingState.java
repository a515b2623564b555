package io.wharf.greeting;

/**
 * Where one greeting session is: waiting for a first name, or greeted, whether its last
 * line was empty, and the fragment of a name it holds.
 */
final class GreetingState {

	static final String AWAITING_NAME = "awaiting_name";

	static final String GREETED = "greeted";

	private final GreetingMeters.Listener meters;

	private volatile boolean greeted;

	private volatile boolean afterEmpty;

	final NameFragments fragments;

	GreetingState(GreetingMeters.Listener meters, int maxNameBytes) {
		this.meters = meters;
		this.fragments = new NameFragments(maxNameBytes);
		meters.awaiting.incrementAndGet();
	}

	/**
	 * Whether the last line answered was empty, so another empty one is not prompted for.
	 * @return true after an empty line
	 */
	boolean afterEmpty() {
		return this.afterEmpty;
	}

	void answered(Greetings greetings) {
		this.afterEmpty = greetings.endsEmpty();
		greeted(greetings.greetings());
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
