package io.wharf.failure;

import java.util.Map;
import java.util.Set;

/**
 * Listeners name services they cannot use: no such bean, a bean that is no service, or a
 * service that does not handle the listener's protocol.
 */
public class UnknownServiceException extends RuntimeException {

	private final Map<String, String> problems;

	private final Set<String> services;

	/**
	 * Creates the failure.
	 * @param problems listener name to what is wrong with the service it names, a
	 * sentence
	 * @param services the services that exist
	 */
	public UnknownServiceException(Map<String, String> problems, Set<String> services) {
		super(String.join(" ", problems.values()) + " The services are " + services);
		this.problems = Map.copyOf(problems);
		this.services = Set.copyOf(services);
	}

	/**
	 * The listeners that cannot use the service they name.
	 * @return listener name to what is wrong, a sentence
	 */
	public Map<String, String> problems() {
		return this.problems;
	}

	/**
	 * The services that exist.
	 * @return their bean names
	 */
	public Set<String> services() {
		return this.services;
	}

}
