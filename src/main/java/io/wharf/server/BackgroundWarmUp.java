package io.wharf.server;

import java.util.Locale;

import io.netty.channel.epoll.Epoll;

import org.springframework.boot.autoconfigure.preinitialize.BackgroundPreinitializer;

/**
 * Does, on Spring Boot's background pre-initialization thread, two pieces of start-up
 * work that profiles showed on the thread starting the application: listing the JVM's
 * locales (Spring's message source support does it in its static initializer) and loading
 * Netty's native epoll library.
 */
class BackgroundWarmUp implements BackgroundPreinitializer {

	@Override
	public void preinitialize() {
		Locale.getAvailableLocales();
		Epoll.isAvailable();
	}

}
