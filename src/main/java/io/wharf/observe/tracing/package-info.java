/**
 * Spans for sessions and messages through Micrometer's Observation API, when
 * {@code wharf.tracing.enabled}: their contexts, their default names and attributes, and
 * the traces of one listener.
 */
@NullMarked
package io.wharf.observe.tracing;

import org.jspecify.annotations.NullMarked;
