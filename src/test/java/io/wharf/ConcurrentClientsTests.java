package io.wharf;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import io.wharf.transport.Listeners;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;

import static org.assertj.core.api.Assertions.assertThat;

@WharfTest
class ConcurrentClientsTests {

	private static final int CLIENTS = 100;

	@Autowired
	private Listeners listeners;

	@Test
	void oneHundredClientsAtOnceEachGetTheirOwnAnswers() throws Exception {
		ExecutorService pool = Executors.newFixedThreadPool(CLIENTS);
		CountDownLatch allConnected = new CountDownLatch(CLIENTS);
		try {
			List<Future<Boolean>> results = new ArrayList<>();
			for (int i = 0; i < CLIENTS; i++) {
				int id = i;
				results.add(pool.submit(() -> converse(id, allConnected)));
			}
			for (Future<Boolean> result : results) {
				assertThat(result.get(60, TimeUnit.SECONDS)).isTrue();
			}
		}
		finally {
			pool.shutdownNow();
		}
	}

	private boolean converse(int id, CountDownLatch allConnected) throws Exception {
		boolean greeting = id % 2 == 0;
		try (WireClient client = WireClient.connect(this.listeners.port(greeting ? "greeting-tcp" : "echo-line"))) {
			allConnected.countDown();
			assertThat(allConnected.await(30, TimeUnit.SECONDS)).isTrue();
			if (greeting) {
				client.readText("Server: Welcome!\nServer: What's your name");
				for (int round = 0; round < 3; round++) {
					String name = "client" + id + "-" + round;
					client.send(name + "\n");
					String expected = "Server: Hello " + name + "!\nServer: What's your name";
					assertThat(client.readText(expected)).isEqualTo(expected);
				}
			}
			else {
				for (int round = 0; round < 3; round++) {
					String line = "line " + id + "/" + round + "\n";
					client.send(line);
					assertThat(client.readLine()).isEqualTo(line);
				}
			}
		}
		return true;
	}

}
