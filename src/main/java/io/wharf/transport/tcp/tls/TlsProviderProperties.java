package io.wharf.transport.tcp.tls;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * The TLS implementation of every TLS listener.
 *
 * @param provider Auto (OpenSSL where netty-tcnative's native library loads, the JDK
 * otherwise), openssl (fail start-up when it does not load) or jdk.
 */
@ConfigurationProperties("wharf.tls")
public record TlsProviderProperties(@DefaultValue("auto") String provider) {

}
