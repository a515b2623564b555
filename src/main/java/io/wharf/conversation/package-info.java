/**
 * The seam between transports and services, which is a named channel: a listener sends
 * each frame and lifecycle moment of a conversation to {@code <service>.requests} as a
 * message, a {@link io.wharf.conversation.ServiceAdapter} turns it into a call on the
 * {@link io.wharf.api.SocketService}, and every reply, from a service or a Spring
 * Integration flow, is read the same way for TCP and UDP.
 */
@NullMarked
package io.wharf.conversation;

import org.jspecify.annotations.NullMarked;
