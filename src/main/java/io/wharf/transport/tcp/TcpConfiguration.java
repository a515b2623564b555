package io.wharf.transport.tcp;

import io.wharf.transport.ListenersProperties;
import io.wharf.transport.tcp.admission.ProcessConnections;

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
	ProcessConnections wharfProcessConnections(ListenersProperties properties) {
		return ProcessConnections.of(properties.maxConnections());
	}

	@Bean
	TcpTransport wharfTcpTransport(NettyEventLoops loops, IntegrationFlowContext flowContext,
			ProcessConnections process) {
		return new TcpTransport(loops, flowContext, process);
	}

}
