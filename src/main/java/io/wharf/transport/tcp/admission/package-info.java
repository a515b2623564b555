/**
 * Which TCP connections a listener accepts: CIDR allow and deny lists, per-client and
 * per-prefix counts, per-client connection rates, and the listener's and the process's
 * caps.
 */
@NullMarked
package io.wharf.transport.tcp.admission;

import org.jspecify.annotations.NullMarked;
