/**
 * Listener changes without a restart: the watched configuration file, read again when it
 * changes, bound and checked as at start-up, and handed to the running listeners.
 */
@NullMarked
package io.wharf.reload;

import org.jspecify.annotations.NullMarked;
