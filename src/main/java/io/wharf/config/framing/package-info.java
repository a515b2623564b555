/**
 * How a TCP listener cuts its stream into frames, as configured: type, length header,
 * delimiters and the largest frame.
 */
@NullMarked
package io.wharf.config.framing;

import org.jspecify.annotations.NullMarked;
