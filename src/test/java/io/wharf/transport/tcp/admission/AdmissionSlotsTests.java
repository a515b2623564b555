package io.wharf.transport.tcp.admission;

import java.net.InetAddress;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import io.wharf.transport.tcp.admission.ClientAdmission.Limits;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class AdmissionSlotsTests {

	private static final InetAddress CLIENT = InetAddress.getLoopbackAddress();

	@Test
	void admissionNeverOvershootsUnderConcurrency() throws InterruptedException {
		Admission sessions = admission(100);
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
				if (sessions.admit(CLIENT) == null) {
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
		Admission sessions = admission(1);
		assertThat(sessions.admit(CLIENT) == null).isTrue();
		assertThat(sessions.admit(CLIENT) == null).isFalse();
		sessions.release(CLIENT);
		assertThat(sessions.admit(CLIENT) == null).isTrue();
	}

	@Test
	void theProcessCapAndTheClientsLimitsTakeTheirShare() {
		ProcessConnections process = new ProcessConnections(2);
		Admission first = new Admission(10, process, new ClientAdmission(Limits.counts(0, 0), OverLimit.NONE));
		Admission second = new Admission(10, process, new ClientAdmission(Limits.counts(1, 0), OverLimit.NONE));
		assertThat(first.admit(CLIENT)).isNull();
		assertThat(second.admit(CLIENT)).isNull();
		assertThat(first.admit(CLIENT)).isEqualTo("process_limit");
		first.release(CLIENT);
		assertThat(second.admit(CLIENT)).as("one per client there").isEqualTo("per_client");
		assertThat(first.admit(CLIENT)).as("the refusal gave its process slot back").isNull();
	}

	@Test
	void newLimitsHoldNewConnectionsAndCountTheOpenOnes() {
		ClientAdmission clients = new ClientAdmission(Limits.counts(0, 0), OverLimit.NONE);
		Admission listener = new Admission(10, new ProcessConnections(Integer.MAX_VALUE), clients);
		for (int i = 0; i < 3; i++) {
			assertThat(listener.admit(CLIENT)).as("no per-client limit yet").isNull();
		}
		clients.change(Limits.counts(2, 0));
		assertThat(listener.admit(CLIENT)).as("the three open count against the new limit").isEqualTo("per_client");
		listener.release(CLIENT);
		listener.release(CLIENT);
		assertThat(listener.admit(CLIENT)).as("one open, one more allowed").isNull();
		assertThat(listener.admit(CLIENT)).isEqualTo("per_client");
	}

	private static Admission admission(int max) {
		return new Admission(max, new ProcessConnections(Integer.MAX_VALUE),
				new ClientAdmission(Limits.counts(0, 0), OverLimit.NONE));
	}

}
