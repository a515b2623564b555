package io.wharf.cluster;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import io.wharf.WharfApplication;
import io.wharf.api.SocketSessions;
import io.wharf.transport.Listeners;

import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * One Wharf instance of a test cluster, in an application context of its own: a
 * {@code room} listener (line framing, echo) on a free port, the built-in listeners off,
 * cluster mode on the given Redis, with short heartbeats so that tests wait little.
 */
final class ClusterInstance implements AutoCloseable {

	private final ConfigurableApplicationContext context;

	private ClusterInstance(ConfigurableApplicationContext context) {
		this.context = context;
	}

	static ClusterInstance start(String id, String redisUrl, String... more) {
		List<String> properties = new ArrayList<>(List.of("spring.data.redis.url=" + redisUrl));
		properties.addAll(List.of(more));
		return startWith(id, properties);
	}

	/**
	 * Starts an instance that reaches Redis as the given properties say.
	 * @param id its id
	 * @param more Spring Boot's Redis settings, and any other
	 * @return the instance
	 */
	static ClusterInstance startWith(String id, List<String> more) {
		List<String> properties = new ArrayList<>(List.of("wharf.cluster.enabled=true",
				"wharf.cluster.instance-id=" + id, "wharf.cluster.heartbeat-interval=300ms",
				"wharf.cluster.instance-timeout=3s", "spring.data.redis.timeout=1s",
				"spring.main.web-application-type=none", "spring.main.banner-mode=off",
				"wharf.listeners.room.protocol=tcp", "wharf.listeners.room.port=0", "wharf.listeners.room.service=echo",
				"wharf.listeners.room.framing.type=line", "wharf.listeners.room.max-connections-per-client=0",
				"wharf.listeners.room.connection-rate-per-client=0"));
		for (String listener : List.of("greeting-tcp", "greeting-udp", "echo-tcp", "echo-udp", "echo-line",
				"echo-framed")) {
			properties.add("wharf.listeners." + listener + ".enabled=false");
		}
		properties.addAll(more);
		// As arguments, above the server's own configuration, as a pod's would be; a
		// later
		// one of the same name wins.
		Map<String, String> arguments = new LinkedHashMap<>();
		properties.forEach((property) -> arguments.put(property.substring(0, property.indexOf('=')), property));
		return new ClusterInstance(new SpringApplicationBuilder(WharfApplication.class)
			.run(arguments.values().stream().map((property) -> "--" + property).toArray(String[]::new)));
	}

	int port() {
		return this.context.getBean(Listeners.class).port("room");
	}

	SocketSessions sessions() {
		return this.context.getBean(SocketSessions.class);
	}

	ClusterState state() {
		return this.context.getBean(ClusterState.class);
	}

	Map<String, SessionDirectory.Instance> instances() {
		return state().instances();
	}

	String property(String name) {
		return this.context.getEnvironment().getRequiredProperty(name);
	}

	<T> T bean(Class<T> type) {
		return this.context.getBean(type);
	}

	ConfigurableApplicationContext context() {
		return this.context;
	}

	@Override
	public void close() {
		this.context.close();
	}

}
