package io.wharf.failure;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.jspecify.annotations.Nullable;

import org.springframework.boot.context.properties.bind.Bindable;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.diagnostics.AbstractFailureAnalyzer;
import org.springframework.boot.diagnostics.FailureAnalysis;
import org.springframework.core.env.Environment;

/**
 * Explains an SSL bundle whose files Spring Boot cannot read (it reads them at start-up,
 * for its own SSL meters and info, before any listener starts), naming the TLS listeners
 * that use each bundle and the properties to check.
 */
class SslBundleFailureAnalyzer extends AbstractFailureAnalyzer<IllegalStateException> {

	private final Environment environment;

	SslBundleFailureAnalyzer(Environment environment) {
		this.environment = environment;
	}

	@Override
	protected @Nullable FailureAnalysis analyze(Throwable rootFailure, IllegalStateException cause) {
		String message = String.valueOf(cause.getMessage());
		if (!message.startsWith("Unable to create key store") && !message.startsWith("Unable to create trust store")) {
			return null;
		}
		List<String> lines = new ArrayList<>();
		lines.add("An SSL bundle's certificate or private key cannot be read: " + message + ".");
		Binder.get(this.environment)
			.bind("wharf.listeners", Bindable.mapOf(String.class, Object.class))
			.orElse(Map.of())
			.keySet()
			.forEach((listener) -> {
				String bundle = this.environment.getProperty("wharf.listeners." + listener + ".ssl.bundle");
				if (bundle != null) {
					lines.add("Listener '" + listener + "' serves TLS with SSL bundle '" + bundle
							+ "' (wharf.listeners." + listener + ".ssl.bundle).");
				}
			});
		return new FailureAnalysis(String.join(System.lineSeparator(), lines),
				"Check the bundle's files: spring.ssl.bundle.pem.<bundle>.keystore.certificate and .private-key "
						+ "(PEM files the process can read, the key unencrypted or with .keystore.private-key-password), "
						+ ".truststore.certificate, or the jks key store's location, type and password.",
				cause);
	}

}
