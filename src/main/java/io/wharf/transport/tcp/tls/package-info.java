/**
 * TLS on TCP listeners: Netty's SslHandler over a Spring Boot SSL bundle, on OpenSSL
 * (BoringSSL) where its native library loads and the JDK's provider otherwise, reloaded
 * when the bundle's files change, with handshake outcomes metered by cause.
 */
@NullMarked
package io.wharf.transport.tcp.tls;

import org.jspecify.annotations.NullMarked;
