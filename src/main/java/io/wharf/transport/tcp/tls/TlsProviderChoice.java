package io.wharf.transport.tcp.tls;

import java.util.function.Supplier;

import org.springframework.util.function.SingletonSupplier;

/**
 * The TLS implementation of every TLS listener, chosen the first time it is asked for:
 * loading OpenSSL is not free, and only TLS listeners need it.
 */
public final class TlsProviderChoice implements Supplier<TlsProvider> {

	private final Supplier<TlsProvider> chosen;

	/**
	 * The choice.
	 * @param properties {@code wharf.tls.provider}
	 */
	public TlsProviderChoice(TlsProviderProperties properties) {
		this.chosen = SingletonSupplier.of(() -> {
			TlsProvider provider = TlsProvider.choose(properties.provider());
			provider.announce();
			return provider;
		});
	}

	@Override
	public TlsProvider get() {
		return this.chosen.get();
	}

}
