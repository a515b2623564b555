package io.wharf.transport.tcp;

import java.net.InetAddress;

import io.wharf.transport.tcp.admission.Admission;
import io.wharf.transport.tcp.admission.ProcessConnections;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class SessionsTests {

	private static final InetAddress CLIENT = InetAddress.getLoopbackAddress();

	@Test
	void theDrainCompletesWhenTheLastSessionEnds() {
		Sessions sessions = sessions(10);
		sessions.admission().admit(CLIENT);
		sessions.admission().admit(CLIENT);
		var drained = sessions.drain();
		sessions.ended("a", CLIENT);
		assertThat(drained).isNotDone();
		sessions.ended("b", CLIENT);
		assertThat(drained).isDone();
		assertThat(sessions(10).drain()).isDone();
	}

	private static Sessions sessions(int max) {
		return new Sessions(Admission.upTo(max, ProcessConnections.of(null)));
	}

}
