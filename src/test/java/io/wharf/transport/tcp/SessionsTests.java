package io.wharf.transport.tcp;

import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class SessionsTests {

	@Test
	void admissionNeverOvershootsUnderConcurrency() throws InterruptedException {
		Sessions sessions = new Sessions(100);
		AtomicInteger admitted = new AtomicInteger();
		CountDownLatch start = new CountDownLatch(1);
		ExecutorService threads = Executors.newFixedThreadPool(8);
		for (int i = 0; i < 1000; i++) {
			threads.execute(() -> {
				try {
					start.await();
				}
				catch (InterruptedException ex) {
					Thread.currentThread().interrupt();
				}
				if (sessions.admit()) {
					admitted.incrementAndGet();
				}
			});
		}
		start.countDown();
		threads.shutdown();
		assertThat(threads.awaitTermination(10, TimeUnit.SECONDS)).isTrue();
		assertThat(admitted).hasValue(100);
	}

	@Test
	void anEndedSessionFreesItsSlot() {
		Sessions sessions = new Sessions(1);
		assertThat(sessions.admit()).isTrue();
		assertThat(sessions.admit()).isFalse();
		sessions.ended("a");
		assertThat(sessions.admit()).isTrue();
	}

	@Test
	void theDrainCompletesWhenTheLastSessionEnds() {
		Sessions sessions = new Sessions(10);
		sessions.admit();
		sessions.admit();
		var drained = sessions.drain();
		sessions.ended("a");
		assertThat(drained).isNotDone();
		sessions.ended("b");
		assertThat(drained).isDone();
		assertThat(new Sessions(10).drain()).isDone();
	}

}
