/**
 * Testing a service: {@link io.wharf.test.ServiceDriver} calls a
 * {@link io.wharf.api.SocketService} as a listener would, without sockets, with a
 * {@link io.wharf.test.TestSession} that records what the service sends later and
 * {@link io.wharf.test.TestSessions} for a service that reaches other sessions; for tests
 * over real sockets, {@link io.wharf.test.WharfClient} speaks a listener's framing on the
 * port Wharf publishes as {@code local.wharf.listeners.<name>.port}. Plain Java: no test
 * framework, no Spring.
 */
@NullMarked
package io.wharf.test;

import org.jspecify.annotations.NullMarked;
