/**
 * The seam between transports and services: channels, headers and replies.
 */
@NullMarked
package io.wharf.system;

import org.jspecify.annotations.NullMarked;
