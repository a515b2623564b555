/**
 * Why start-up failed, in words a person can act on: the exceptions the listeners raise
 * (a port in use, an unknown service, an unusable SSL bundle) and the failure analyzers
 * that explain them.
 */
@NullMarked
package io.wharf.failure;

import org.jspecify.annotations.NullMarked;
