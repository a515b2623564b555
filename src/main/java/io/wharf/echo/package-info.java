/**
 * The echo service (RFC 862).
 */
@NullMarked
package io.wharf.echo;

import org.jspecify.annotations.NullMarked;
