package io.wharf.transport.udp;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * UDP listeners on Spring Integration's unicast adapter.
 */
@Configuration(proxyBeanMethods = false)
public class UdpConfiguration {

	@Bean
	UdpTransport wharfUdpTransport() {
		return new UdpTransport();
	}

}
