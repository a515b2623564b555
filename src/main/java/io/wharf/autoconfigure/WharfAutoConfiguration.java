package io.wharf.autoconfigure;

import io.wharf.actuate.ActuateConfiguration;
import io.wharf.cluster.ClusterConfiguration;
import io.wharf.cluster.redis.RedisClusterConfiguration;
import io.wharf.config.ListenersConfiguration;
import io.wharf.echo.EchoConfiguration;
import io.wharf.greeting.GreetingConfiguration;
import io.wharf.observe.ObserveConfiguration;
import io.wharf.reload.ReloadConfiguration;
import io.wharf.transport.TransportConfiguration;
import io.wharf.transport.tcp.TcpConfiguration;
import io.wharf.transport.udp.UdpConfiguration;

import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.context.annotation.Import;

/**
 * Wharf in any Spring Boot application: the listeners declared under
 * {@code wharf.listeners}, the built-in {@code greeting} and {@code echo} services, every
 * {@link io.wharf.api.SocketService} bean of the application, their meters, health and
 * sockets endpoint, and with {@code wharf.cluster.enabled} the cluster (after Spring
 * Boot's Redis connection). Without listeners it binds nothing. The cluster's
 * configuration comes before the transport's, whose session ids and
 * {@link io.wharf.api.SocketSessions} back off when the cluster brings its own.
 */
@AutoConfiguration(afterName = { "org.springframework.boot.integration.autoconfigure.IntegrationAutoConfiguration",
		"org.springframework.boot.micrometer.metrics.autoconfigure.CompositeMeterRegistryAutoConfiguration",
		"org.springframework.boot.data.redis.autoconfigure.DataRedisAutoConfiguration" })
@Import({ ListenersConfiguration.class, ObserveConfiguration.class, ClusterConfiguration.class,
		RedisClusterConfiguration.class, TransportConfiguration.class, TcpConfiguration.class, UdpConfiguration.class,
		GreetingConfiguration.class, EchoConfiguration.class, ActuateConfiguration.class, ReloadConfiguration.class })
public class WharfAutoConfiguration {

}
