/**
 * How a TCP byte stream is cut into frames and how replies are framed: the framing
 * configuration, and one Netty decoder and encoder per framing.
 */
@NullMarked
package io.wharf.transport.tcp.framing;

import org.jspecify.annotations.NullMarked;
