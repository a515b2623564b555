package io.wharf.observe;

import org.springframework.test.context.ActiveProfiles;

/**
 * Exact meter values on the {@code net} transport.
 */
@ActiveProfiles("net")
class NetTransportListenerMetricsTests extends ListenerMetricsTests {

}
