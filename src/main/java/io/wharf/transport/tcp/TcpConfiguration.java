package io.wharf.transport.tcp;

import java.util.Map;
import java.util.function.Supplier;

import io.wharf.config.ListenersProperties;
import io.wharf.conversation.SessionObserver;
import io.wharf.transport.SessionIds;
import io.wharf.transport.tcp.admission.ProcessConnections;
import io.wharf.transport.tcp.tls.TlsProvider;
import io.wharf.transport.tcp.tls.TlsProviderProperties;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.actuate.info.InfoContributor;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.ssl.SslBundles;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.integration.dsl.context.IntegrationFlowContext;
import org.springframework.util.function.SingletonSupplier;

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
	TcpTransport wharfTcpTransport(NettyEventLoops loops, IntegrationFlowContext flowContext,
			ProcessConnections process, SslBundles bundles, TlsProviderProperties tls, SessionIds ids,
			ObjectProvider<SessionObserver> observer) {
		Supplier<TlsProvider> provider = SingletonSupplier.of(() -> {
			TlsProvider chosen = TlsProvider.choose(tls.provider());
			chosen.announce();
			return chosen;
		});
		return new TcpTransport(loops, flowContext, process, bundles, provider, ids,
				observer.getIfAvailable(() -> SessionObserver.NONE));
	}

	/** {@code /actuator/info} says which TLS implementation serves the TLS listeners. */
	@Bean
	InfoContributor wharfTlsInfo(ListenersProperties listeners, TcpTransport transport) {
		return (info) -> {
			if (listeners.enabled().values().stream().anyMatch((listener) -> listener.ssl().enabled())) {
				info.withDetail("tls", Map.of("provider", transport.tlsProvider().description()));
			}
		};
	}

}
