package io.wharf.transport.tcp.tls;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * The TLS implementation of every TLS listener.
 *
 * @param provider {@code auto} (OpenSSL where netty-tcnative's native library loads, the
 * JDK otherwise), {@code openssl} (fail start-up when it does not load) or {@code jdk}
 */
@ConfigurationProperties("wharf.tls")
public record TlsProviderProperties(@DefaultValue("auto") String provider) {

}
