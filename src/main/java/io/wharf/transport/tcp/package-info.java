/**
 * TCP listeners: connection factory, per-connection handling and frame codecs.
 */
@NullMarked
package io.wharf.transport.tcp;

import org.jspecify.annotations.NullMarked;
