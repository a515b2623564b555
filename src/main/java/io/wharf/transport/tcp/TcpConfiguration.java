package io.wharf.transport.tcp;

import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.integration.dsl.context.IntegrationFlowContext;

/**
 * TCP listeners on Netty.
 */
@Configuration(proxyBeanMethods = false)
public class TcpConfiguration {

	@Bean
	@ConditionalOnMissingBean
	NettyEventLoops wharfEventLoops() {
		return new NettyEventLoops();
	}

	@Bean
	TcpTransport wharfTcpTransport(NettyEventLoops loops, IntegrationFlowContext flowContext) {
		return new TcpTransport(loops, flowContext);
	}

}
