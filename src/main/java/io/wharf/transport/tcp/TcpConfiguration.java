package io.wharf.transport.tcp;

import io.wharf.config.ListenersProperties;
import io.wharf.conversation.SessionObserver;
import io.wharf.transport.SessionIds;
import io.wharf.transport.tcp.admission.ProcessConnections;
import io.wharf.transport.tcp.tls.TlsProviderChoice;
import io.wharf.transport.tcp.tls.TlsProviderProperties;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.ssl.SslBundles;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * TCP listeners on Netty.
 */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(TlsProviderProperties.class)
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
	TlsProviderChoice wharfTlsProvider(TlsProviderProperties properties) {
		return new TlsProviderChoice(properties);
	}

	@Bean
	TcpTransport wharfTcpTransport(NettyEventLoops loops, ProcessConnections process, SslBundles bundles,
			TlsProviderChoice tls, SessionIds ids, ObjectProvider<SessionObserver> observer) {
		return new TcpTransport(loops, process, bundles, tls, ids, observer.getIfAvailable(() -> SessionObserver.NONE));
	}

}
