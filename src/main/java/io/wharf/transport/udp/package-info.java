/**
 * UDP listeners: datagram adapters and replies.
 */
@NullMarked
package io.wharf.transport.udp;

import org.jspecify.annotations.NullMarked;
