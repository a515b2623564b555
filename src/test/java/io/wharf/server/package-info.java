/**
 * Tests of the fast start's build-time record and start-up comparison.
 */
@NullMarked
package io.wharf.server;

import org.jspecify.annotations.NullMarked;
