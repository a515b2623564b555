package io.wharf.transport.tcp;

import org.springframework.integration.ip.tcp.inbound.TcpReceivingChannelAdapter;

/**
 * Spring Integration's TCP inbound adapter as a listener's: unchanged, but logging its
 * start and stop in the {@code wharf-integration} logging group rather than among the
 * application's own Spring Integration components.
 */
final class ListenerInboundAdapter extends TcpReceivingChannelAdapter {

}
