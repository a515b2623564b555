package io.wharf.transport;

/**
 * The I/O engine under a TCP listener; both sit under Spring Integration's connection
 * factory contract, so adapters, channels and services are the same either way.
 */
public enum TcpTransport {

	/** Netty event loops (epoll on Linux): no thread per connection, no hand-off. */
	NETTY,

	/** Spring Integration's blocking factory: one thread per connection. */
	NET

}
