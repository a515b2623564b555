package io.wharf.greeting;

import org.springframework.test.context.ActiveProfiles;

/**
 * The greeting conversation on the {@code net} transport.
 */
@ActiveProfiles("net")
class NetTransportGreetingTests extends GreetingConversationTests {

}
