/**
 * Wharf: a managed TCP/UDP socket service.
 */
@NullMarked
package io.wharf;

import org.jspecify.annotations.NullMarked;
