package io.wharf.api;

import java.net.InetSocketAddress;

/**
 * One UDP datagram that arrived on a listener.
 *
 * @param listener the listener's name under {@code wharf.listeners}
 * @param sender the address and port it came from, where the answer goes
 * @param payload its bytes
 */
public record Datagram(String listener, InetSocketAddress sender, byte[] payload) {

}
