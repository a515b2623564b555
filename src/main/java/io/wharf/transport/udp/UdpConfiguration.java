package io.wharf.transport.udp;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.integration.dsl.context.IntegrationFlowContext;

/**
 * UDP listeners on Spring Integration's unicast adapter.
 */
@Configuration(proxyBeanMethods = false)
public class UdpConfiguration {

	@Bean
	UdpTransport wharfUdpTransport(IntegrationFlowContext flowContext) {
		return new UdpTransport(flowContext);
	}

}
