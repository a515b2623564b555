package io.wharf.api;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.annotation.Import;

/**
 * Wharf with services written as an application would write them ({@link TestServices})
 * and listeners for them on free ports; the built-in listeners are off.
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
		properties = { "wharf.listeners.greeting-tcp.enabled=false", "wharf.listeners.greeting-udp.enabled=false",
				"wharf.listeners.echo-tcp.enabled=false", "wharf.listeners.echo-udp.enabled=false",
				"wharf.listeners.echo-line.enabled=false", "wharf.listeners.echo-framed.enabled=false",
				"wharf.listeners.counter.protocol=tcp", "wharf.listeners.counter.port=0",
				"wharf.listeners.counter.service=counter", "wharf.listeners.counter.framing.type=line",
				"wharf.listeners.counter-udp.protocol=udp", "wharf.listeners.counter-udp.port=0",
				"wharf.listeners.counter-udp.service=counter", "wharf.listeners.fragile.protocol=tcp",
				"wharf.listeners.fragile.port=0", "wharf.listeners.fragile.service=fragile",
				"wharf.listeners.fragile.framing.type=line", "wharf.listeners.audit.protocol=tcp",
				"wharf.listeners.audit.port=0", "wharf.listeners.audit.service=audit",
				"wharf.listeners.audit.framing.type=line", "wharf.listeners.audit-udp.protocol=udp",
				"wharf.listeners.audit-udp.port=0", "wharf.listeners.audit-udp.service=audit",
				"wharf.listeners.keeper.protocol=tcp", "wharf.listeners.keeper.port=0",
				"wharf.listeners.keeper.service=keeper", "wharf.listeners.keeper.framing.type=line",
				"wharf.listeners.keeper.idle-timeout=200ms", "wharf.listeners.counter.max-connections=2000",
				// A thousand clients, all from this one address.
				"wharf.listeners.counter.max-connections-per-client=0",
				"wharf.listeners.counter.connection-rate-per-client=0",
				// Shown to these tests; hidden by default.
				"management.endpoint.health.show-details=always", "wharf.sockets.show-addresses=always" })
@Import(TestServices.class)
@interface ServicesTest {

}
