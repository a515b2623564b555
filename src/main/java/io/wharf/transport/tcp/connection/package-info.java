/**
 * The state of one TCP connection, below the session that serves it and knowing neither
 * the session nor the connection factory: how it closes without losing a written reply,
 * what it counted (and when it last read, for the deadlines), its part in the drain, the
 * listener's time limits, and its log lines.
 */
@NullMarked
package io.wharf.transport.tcp.connection;

import org.jspecify.annotations.NullMarked;
