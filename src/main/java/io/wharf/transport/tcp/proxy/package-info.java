/**
 * The PROXY protocol (v1 and v2) in front of a TCP listener: detecting the header,
 * believing it from trusted proxies only, and naming the client it carries.
 */
@NullMarked
package io.wharf.transport.tcp.proxy;

import org.jspecify.annotations.NullMarked;
