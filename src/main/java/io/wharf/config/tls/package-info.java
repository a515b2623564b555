/**
 * TLS on a TCP listener, as configured: the SSL bundle, client certificates and the
 * handshake timeout.
 */
@NullMarked
package io.wharf.config.tls;

import org.jspecify.annotations.NullMarked;
