package io.wharf.observe;

import java.util.List;
import java.util.Map;

import org.springframework.boot.EnvironmentPostProcessor;
import org.springframework.boot.SpringApplication;
import org.springframework.core.Ordered;
import org.springframework.core.env.ConfigurableEnvironment;
import org.springframework.core.env.MapPropertySource;

/**
 * Puts Wharf's own Spring Integration components in one logging group,
 * {@code wharf-integration}, at WARN unless the application says otherwise: Spring
 * Integration logs every start, stop and subscription at INFO ("started bean
 * 'echo.inbound'"), which says nothing to someone running Wharf and would fill the
 * start-up log of an application that depends on it. The application's own Spring
 * Integration components log as before; {@code logging.level.wharf-integration=info}
 * shows Wharf's too. A property source below every other, so any setting of the
 * application wins.
 */
class IntegrationLogging implements EnvironmentPostProcessor, Ordered {

	static final String SOURCE = "Wharf logging defaults";

	static final String GROUP = "wharf-integration";

	/** Wharf's classes that are Spring Integration components, by name. */
	static final List<String> MEMBERS = List.of("io.wharf.conversation.WharfChannel",
			"io.wharf.conversation.ServiceAdapter", "io.wharf.transport.tcp.NettyConnectionFactory",
			"io.wharf.transport.tcp.ListenerInboundAdapter", "io.wharf.transport.udp.ListenerDatagramAdapter",
			"io.wharf.cluster.redis.ClusterInboundAdapter");

	@Override
	public int getOrder() {
		return Ordered.LOWEST_PRECEDENCE;
	}

	@Override
	public void postProcessEnvironment(ConfigurableEnvironment environment, SpringApplication application) {
		environment.getPropertySources()
			.addLast(new MapPropertySource(SOURCE,
					Map.of("logging.group." + GROUP, String.join(",", MEMBERS), "logging.level." + GROUP, "warn")));
	}

}
