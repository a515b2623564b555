/**
 * The lifecycle of every listener, whatever its protocol: bind all, start, drain, close;
 * the route from a listener to its service's channel; the sessions open across listeners.
 * Knows the engines only through {@link io.wharf.transport.ListenerTransport}.
 */
@NullMarked
package io.wharf.transport;

import org.jspecify.annotations.NullMarked;
