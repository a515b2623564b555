package io.wharf.failure;

import java.util.Map;
import java.util.Set;

/**
 * Listeners name services that do not exist.
 */
public class UnknownServiceException extends RuntimeException {

	private final Map<String, String> unknown;

	private final Set<String> services;

	/**
	 * Creates the failure.
	 * @param unknown listener name to the service name it gives
	 * @param services the services that exist
	 */
	public UnknownServiceException(Map<String, String> unknown, Set<String> services) {
		super("Unknown services " + unknown + "; the services are " + services);
		this.unknown = Map.copyOf(unknown);
		this.services = Set.copyOf(services);
	}

	/**
	 * The listeners whose service does not exist.
	 * @return listener name to the service name it gives
	 */
	public Map<String, String> unknown() {
		return this.unknown;
	}

	/**
	 * The services that exist.
	 * @return their bean names
	 */
	public Set<String> services() {
		return this.services;
	}

}
