/**
 * Listener configuration and lifecycle, shared by the TCP and UDP transports.
 */
@NullMarked
package io.wharf.transport;

import org.jspecify.annotations.NullMarked;
