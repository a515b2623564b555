/**
 * Write your own service: implement {@link io.wharf.api.SocketService} as a Spring bean
 * and name it in {@code wharf.listeners.<name>.service}; send to sessions later through
 * {@link io.wharf.api.SocketSessions}. Free of Spring Integration and Netty types.
 */
@NullMarked
package io.wharf.api;

import org.jspecify.annotations.NullMarked;
