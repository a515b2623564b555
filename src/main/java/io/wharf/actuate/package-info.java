/**
 * What operators see over Actuator: the {@code listeners} health component and the
 * {@code /actuator/sockets} endpoint.
 */
@NullMarked
package io.wharf.actuate;

import org.jspecify.annotations.NullMarked;
