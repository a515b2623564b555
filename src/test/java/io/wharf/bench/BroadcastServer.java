package io.wharf.bench;

import io.wharf.WharfApplication;
import io.wharf.api.Answer;
import io.wharf.api.Session;
import io.wharf.api.SocketService;
import io.wharf.api.SocketSessions;
import org.jspecify.annotations.Nullable;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.SpringBootConfiguration;
import org.springframework.boot.autoconfigure.EnableAutoConfiguration;
import org.springframework.context.annotation.Bean;

/**
 * The cluster benchmark's server: Wharf with one service, {@code room}, that broadcasts
 * every line a client sends to every other session of its listener, on every instance in
 * cluster mode, as a chat room or a fleet-wide command would.
 */
@SpringBootConfiguration(proxyBeanMethods = false)
@EnableAutoConfiguration
public class BroadcastServer {

	@Bean("room")
	SocketService<Void> room(SocketSessions sessions) {
		return new SocketService<>() {

			@Override
			public void received(Session session, @Nullable Void state, byte[] frame, Answer answer) {
				sessions.broadcastExcept(session.listener(), session.id(), frame);
			}

		};
	}

	public static void main(String[] args) {
		SpringApplication application = new SpringApplication(BroadcastServer.class, WharfApplication.class);
		application.run(args);
	}

}
