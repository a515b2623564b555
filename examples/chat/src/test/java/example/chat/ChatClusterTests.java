package example.chat;

import java.time.Duration;

import io.wharf.api.SocketSessions;
import io.wharf.test.WharfClient;
import org.junit.jupiter.api.Test;

import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * One room across two instances in cluster mode, through a real Redis: members on either
 * instance hear each other, and /who lists both.
 */
class ChatClusterTests {

	@Test
	void aRoomAcrossTwoInstances() throws Exception {
		try (LocalRedis redis = LocalRedis.start();
				ConfigurableApplicationContext first = instance("first", redis);
				ConfigurableApplicationContext second = instance("second", redis)) {
			awaitEachOther(first, second);
			try (WharfClient ada = member(first, "ada"); WharfClient bob = member(second, "bob")) {
				talk(ada, bob);
			}
		}
	}

	private static void talk(WharfClient ada, WharfClient bob) {
		assertThat(ada.receive()).isEqualTo("* bob joined");
		bob.send("hello from the other instance");
		assertThat(ada.receive()).isEqualTo("bob: hello from the other instance");
		ada.send("hi bob");
		// Ada's arrival crossed instances while Bob joined: he may have heard it just after.
		String heard = bob.receive();
		assertThat(heard.equals("* ada joined") ? bob.receive() : heard).isEqualTo("ada: hi bob");
		await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> {
			bob.send("/who");
			assertThat(bob.receive()).isEqualTo("members: ada, bob");
		});
	}

	private static ConfigurableApplicationContext instance(String id, LocalRedis redis) {
		return new SpringApplicationBuilder(ChatApplication.class).run("--server.port=0",
				"--wharf.listeners.chat.port=0", "--wharf.cluster.enabled=true", "--wharf.cluster.instance-id=" + id,
				"--wharf.cluster.heartbeat-interval=300ms", "--spring.data.redis.url=" + redis.url());
	}

	/** Both instances have joined the cluster and know each other. */
	private static void awaitEachOther(ConfigurableApplicationContext... instances) {
		for (ConfigurableApplicationContext instance : instances) {
			SocketSessions sessions = instance.getBean(SocketSessions.class);
			await().atMost(Duration.ofSeconds(30))
				.untilAsserted(() -> assertThat(sessions.count("chat").toCompletableFuture().join())
					.containsKeys("first", "second"));
		}
	}

	private static WharfClient member(ConfigurableApplicationContext instance, String nick) {
		WharfClient member = WharfClient.connect(instance.getEnvironment(), "chat");
		assertThat(member.receive()).isEqualTo("Welcome! Who are you?");
		member.send(nick);
		assertThat(member.receive()).startsWith("Hello " + nick + "!");
		return member;
	}

}
