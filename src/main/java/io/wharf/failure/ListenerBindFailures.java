package io.wharf.failure;

import java.util.List;
import java.util.stream.Collectors;

/**
 * Every listener that could not bind at start-up, reported together, so that one restart
 * shows every port to change.
 */
public class ListenerBindFailures extends RuntimeException {

	private final List<ListenerBindException> failures;

	public ListenerBindFailures(List<ListenerBindException> failures) {
		super(failures.stream().map(Throwable::getMessage).collect(Collectors.joining("; ")), failures.get(0));
		this.failures = List.copyOf(failures);
		failures.stream().skip(1).forEach(this::addSuppressed);
	}

	/**
	 * The listeners that failed, in configuration order.
	 * @return one exception per listener
	 */
	public List<ListenerBindException> failures() {
		return this.failures;
	}

}
