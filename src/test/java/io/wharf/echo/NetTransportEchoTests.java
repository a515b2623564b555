package io.wharf.echo;

import org.springframework.test.context.ActiveProfiles;

/**
 * Echo over every framing on the {@code net} transport.
 */
@ActiveProfiles("net")
class NetTransportEchoTests extends EchoTests {

	@Override
	String expectedConnectionFactory() {
		return "ListenerServerConnectionFactory";
	}

}
