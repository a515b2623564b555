package io.wharf.transport;

import org.springframework.test.context.ActiveProfiles;

/**
 * Bad input outcomes on the {@code net} transport.
 */
@ActiveProfiles("net")
class NetTransportBadInputTests extends BadInputTests {

}
