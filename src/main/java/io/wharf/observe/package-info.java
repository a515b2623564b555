/**
 * Metrics and observability settings.
 */
@NullMarked
package io.wharf.observe;

import org.jspecify.annotations.NullMarked;
