/**
 * Every listener setting as configured under {@code wharf.listeners}: the settings, the
 * defaults given to every listener, the words they take, and their validation. Knows no
 * engine: the TCP and UDP transports read these settings, never the other way round.
 */
@NullMarked
package io.wharf.config;

import org.jspecify.annotations.NullMarked;
