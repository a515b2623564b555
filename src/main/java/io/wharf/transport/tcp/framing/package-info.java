/**
 * How a TCP byte stream is cut into frames and how replies are framed: the framing
 * configuration, one Netty decoder per framing, and replies framed into the buffer the
 * session writes.
 */
@NullMarked
package io.wharf.transport.tcp.framing;

import org.jspecify.annotations.NullMarked;
