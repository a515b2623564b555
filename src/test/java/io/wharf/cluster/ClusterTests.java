package io.wharf.cluster;

import java.io.IOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import io.wharf.RedisServer;
import io.wharf.api.Audience;
import io.wharf.api.SendResult;
import io.wharf.api.SessionInfo;
import io.wharf.api.SocketSessions.Broadcast;
import io.wharf.transport.Listeners;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

import org.springframework.context.Lifecycle;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Three instances behave to a service as one, through a real Redis: 100 clients on each,
 * a broadcast from every instance reaches all 300 once and in order, a send reaches a
 * session on another instance, lookups see every instance, and an operator closes a
 * session from anywhere.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ClusterTests {

	private static final int PER_INSTANCE = 100;

	private static final int FRAMES = 20;

	private RedisServer redis;

	private final Map<String, ClusterInstance> instances = new LinkedHashMap<>();

	private final Map<String, List<LineClient>> clients = new LinkedHashMap<>();

	@BeforeAll
	void startThreeInstancesWithAHundredClientsEach() throws IOException {
		this.redis = RedisServer.start(null);
		for (String id : List.of("a", "b", "c")) {
			this.instances.put(id, ClusterInstance.start(id, this.redis.url()));
		}
		await().atMost(Duration.ofSeconds(20))
			.untilAsserted(() -> this.instances.values()
				.forEach((instance) -> assertThat(instance.instances()).containsOnlyKeys("a", "b", "c")));
		for (Map.Entry<String, ClusterInstance> instance : this.instances.entrySet()) {
			List<LineClient> own = new ArrayList<>();
			for (int i = 0; i < PER_INSTANCE; i++) {
				own.add(new LineClient(instance.getValue().port()));
			}
			this.clients.put(instance.getKey(), own);
		}
		await().atMost(Duration.ofSeconds(20))
			.untilAsserted(
					() -> assertThat(this.instances.get("a").sessions().list("room").toCompletableFuture().join())
						.hasSize(3 * PER_INSTANCE));
	}

	@AfterAll
	void stop() throws IOException {
		for (List<LineClient> own : this.clients.values()) {
			for (LineClient client : own) {
				client.close();
			}
		}
		this.instances.values().forEach(ClusterInstance::close);
		if (this.redis != null) {
			this.redis.close();
		}
	}

	@Test
	void aBroadcastFromEveryInstanceReachesEverySessionOnceAndInOrder() throws Exception {
		List<java.util.concurrent.CompletableFuture<Broadcast>> results = new ArrayList<>();
		for (int n = 0; n < FRAMES; n++) {
			for (Map.Entry<String, ClusterInstance> instance : this.instances.entrySet()) {
				results.add(instance.getValue()
					.sessions()
					.broadcast("room", ("from " + instance.getKey() + " " + n).getBytes())
					.toCompletableFuture());
			}
		}
		for (var result : results) {
			assertThat(result.get(10, TimeUnit.SECONDS)).isEqualTo(new Broadcast(3 * PER_INSTANCE, 0, 0, 0));
		}
		for (List<LineClient> own : this.clients.values()) {
			for (LineClient client : own) {
				Map<String, Integer> next = new HashMap<>(Map.of("a", 0, "b", 0, "c", 0));
				for (int i = 0; i < 3 * FRAMES; i++) {
					String[] words = client.readLine().split(" ");
					assertThat(Integer.parseInt(words[2])).as("in order from " + words[1])
						.isEqualTo(next.get(words[1]));
					next.merge(words[1], 1, Integer::sum);
				}
				assertThat(next).containsOnly(Map.entry("a", FRAMES), Map.entry("b", FRAMES), Map.entry("c", FRAMES));
			}
		}
	}

	@Test
	void aSendReachesASessionOnAnotherInstanceAndLookupsSeeEveryInstance() throws Exception {
		LineClient device = new LineClient(this.instances.get("b").port());
		try (device) {
			device.send("hello");
			assertThat(device.readLine()).isEqualTo("hello");
			ClusterInstance a = this.instances.get("a");
			SessionInfo found = ClusterFailureTests.sessionOf(a, device);
			assertThat(found.instance()).isEqualTo("b");
			assertThat(found.id()).startsWith("b_");
			assertThat(a.sessions().locate(found.id()).toCompletableFuture().join()).contains(found);
			for (int n = 0; n < 50; n++) {
				assertThat(a.sessions().send(found.id(), ("command " + n).getBytes()).toCompletableFuture().join())
					.isEqualTo(SendResult.SENT);
			}
			for (int n = 0; n < 50; n++) {
				assertThat(device.readLine()).isEqualTo("command " + n);
			}
			assertThat(a.sessions().count("room").toCompletableFuture().join()).containsOnlyKeys("a", "b", "c");
			assertThat(a.bean(ClusterSessions.class).closeByOperator(found.id()).toCompletableFuture().join())
				.isEqualTo(SendResult.SENT);
			assertThat(device.readLine()).isNull();
			await().atMost(Duration.ofSeconds(10))
				.until(() -> a.sessions().locate(found.id()).toCompletableFuture().join().isEmpty());
			assertThat(a.sessions().send(found.id(), "late".getBytes()).toCompletableFuture().join())
				.isEqualTo(SendResult.GONE);
		}
	}

	@Test
	void aBroadcastToAnAudienceReachesOnlyTheSessionsWithTheAttribute() throws IOException {
		List<LineClient> lobby = new ArrayList<>();
		for (ClusterInstance instance : this.instances.values()) {
			lobby.add(new LineClient(instance.port()));
		}
		for (LineClient member : lobby) {
			SessionInfo session = ClusterFailureTests.sessionOf(this.instances.get("a"), member);
			this.instances.get(session.instance())
				.sessions()
				.find(session.id())
				.orElseThrow()
				.attribute("room", "lobby");
		}
		Broadcast result = this.instances.get("b")
			.sessions()
			.broadcast(Audience.of("room").having("room", "lobby"), "lobby only".getBytes())
			.toCompletableFuture()
			.join();
		assertThat(result).isEqualTo(new Broadcast(3, 0, 0, 0));
		for (LineClient member : lobby) {
			assertThat(member.readLine()).isEqualTo("lobby only");
			member.close();
		}
	}

	/**
	 * Spring stops a bean's dependents when it stops the bean, and counts their stopping
	 * against the bean's phase: a lifecycle bean that depended on the listeners would end
	 * their phase before their drain did, and the event loops would close under it.
	 */
	@Test
	void noLifecycleBeanDependsOnTheListenersSoTheirDrainIsWaitedFor() {
		var beans = this.instances.get("a").context().getBeanFactory();
		String listeners = beans.getBeanNamesForType(Listeners.class)[0];
		assertThat(beans.getDependentBeans(listeners))
			.noneMatch((dependent) -> beans.isTypeMatch(dependent, Lifecycle.class));
	}

	@Test
	void aSessionIdOfNoInstanceIsGone() {
		ClusterInstance a = this.instances.get("a");
		assertThat(a.sessions().send("nowhere_1-1", "x".getBytes()).toCompletableFuture().join()).isIn(SendResult.GONE,
				SendResult.UNREACHABLE);
		assertThat(a.sessions().send("a_1-1", "x".getBytes()).toCompletableFuture().join()).isEqualTo(SendResult.GONE);
	}

}
