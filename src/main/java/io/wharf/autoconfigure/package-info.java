/**
 * Wharf as a Spring Boot starter.
 */
@NullMarked
package io.wharf.autoconfigure;

import org.jspecify.annotations.NullMarked;
