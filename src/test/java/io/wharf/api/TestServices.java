package io.wharf.api;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;

import org.jspecify.annotations.Nullable;

import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.integration.config.EnableIntegration;
import org.springframework.integration.dsl.IntegrationFlow;
import org.springframework.messaging.Message;

/**
 * Services as an application writes them: a counting conversation with state, a service
 * that fails on demand, and a Spring Integration flow in place of a service bean, in an
 * application that turns Spring Integration on itself (as one with
 * spring-boot-starter-integration does).
 */
@TestConfiguration(proxyBeanMethods = false)
@EnableIntegration
class TestServices {

	@Bean("counter")
	CounterService counter() {
		return new CounterService();
	}

	/**
	 * Keeps idle sessions, sending a keep-alive line each time, until the client says
	 * {@code bye}.
	 */
	@Bean("keeper")
	SocketService<Void> keeper() {
		return new SocketService<>() {

			@Override
			public void received(Session session, @Nullable Void state, byte[] frame, Answer answer) {
				answer.send("bye").thenClose();
			}

			@Override
			public void idle(Session session, @Nullable Void state, Duration timeout, Answer answer) {
				answer.send("still here").keepOpen();
			}

		};
	}

	@Bean("fragile")
	SocketService<Void> fragile() {
		return new SocketService<>() {

			@Override
			public void received(Session session, @Nullable Void state, byte[] frame, Answer answer) {
				if (new String(frame, StandardCharsets.UTF_8).strip().equals("boom")) {
					throw new IllegalStateException("boom");
				}
				answer.send(frame);
			}

		};
	}

	/**
	 * An application's own flow: its messages carry Spring's id and timestamp as any
	 * message would (Wharf leaves them out only on its own channel into a service bean).
	 */
	@Bean
	IntegrationFlow auditFlow() {
		return IntegrationFlow.from("audit.requests")
			.filter(Message.class, (message) -> !message.getHeaders().containsKey("wharf_event"))
			.transform(Message.class,
					(message) -> "audited " + new String((byte[]) message.getPayload(), StandardCharsets.UTF_8).strip()
							+ ((message.getHeaders().getId() != null && message.getHeaders().getTimestamp() != null)
									? "" : " without an id or a timestamp"))
			.get();
	}

	/** Counts each session's lines, and keeps every session for pushes. */
	static final class CounterService implements SocketService<AtomicInteger> {

		final Map<String, Session> sessions = new ConcurrentHashMap<>();

		final Map<String, String> listening = new ConcurrentHashMap<>();

		@Override
		public void listening(String listener, String protocol) {
			this.listening.put(listener, protocol);
		}

		@Override
		public AtomicInteger opened(Session session, Answer answer) {
			this.sessions.put(session.id(), session);
			answer.send("hello " + session.listener());
			return new AtomicInteger();
		}

		@Override
		public void received(Session session, @Nullable AtomicInteger count, byte[] frame, Answer answer) {
			String text = new String(frame, StandardCharsets.UTF_8).strip();
			int n = count.incrementAndGet();
			if (text.equals("bye")) {
				answer.send("bye after " + n).thenClose();
				return;
			}
			answer.send(text);
		}

		@Override
		public void closed(Session session, @Nullable AtomicInteger count, CloseReason reason) {
			this.sessions.remove(session.id());
		}

		@Override
		public void datagram(Datagram datagram, Answer answer) {
			answer.send("datagram from " + datagram.sender().getPort() + " on " + datagram.listener() + ": "
					+ new String(datagram.payload(), StandardCharsets.UTF_8));
		}

		@Override
		public @Nullable String describe(@Nullable AtomicInteger count) {
			return "lines=" + count;
		}

	}

}
