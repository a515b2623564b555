package io.wharf.transport.tcp;

import java.net.InetAddress;
import java.util.Map;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.wharf.config.ListenerProperties;
import io.wharf.observe.ListenerMetrics;
import io.wharf.transport.tcp.admission.Admission;
import io.wharf.transport.tcp.admission.OverLimit;
import io.wharf.transport.tcp.admission.ProcessConnections;
import io.wharf.transport.tcp.connection.ConnectionCounts;
import org.junit.jupiter.api.Test;

import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.context.properties.source.MapConfigurationPropertySource;

import static org.assertj.core.api.Assertions.assertThat;

class ListenerConnectionsTests {

	private static final InetAddress CLIENT = InetAddress.getLoopbackAddress();

	private static final ConnectionCounts COUNTS = new ConnectionCounts(
			ListenerMetrics.of(new SimpleMeterRegistry(), "l", "echo", "tcp", 10));

	@Test
	void theDrainCompletesWhenTheLastSessionEnds() {
		ListenerConnections connections = connections(10, 1000);
		assertThat(connections.admit(CLIENT)).isNull();
		assertThat(connections.admit(CLIENT)).isNull();
		var drained = connections.drain();
		connections.ended(CLIENT, COUNTS);
		assertThat(drained).isNotDone();
		connections.ended(CLIENT, COUNTS);
		assertThat(drained).isDone();
		assertThat(connections(10, 1000).drain()).isDone();
	}

	@Test
	void theDrainCompletesWhenTheLastReservationIsRefusedOrAbandoned() {
		ListenerConnections connections = connections(10, 1);
		assertThat(connections.admit(CLIENT)).isNull();
		assertThat(connections.reserve()).isNull();
		assertThat(connections.reserve()).isNull();
		var drained = connections.drain();
		connections.released(CLIENT);
		connections.abandon();
		assertThat(drained).isNotDone();
		assertThat(connections.admitReserved(CLIENT)).isNull();
		connections.released(CLIENT);
		assertThat(drained).isDone();
	}

	@Test
	void aRefusedClientHoldsNothing() {
		ListenerConnections connections = connections(10, 1);
		assertThat(connections.reserve()).isNull();
		assertThat(connections.admit(CLIENT)).isNull();
		var drained = connections.drain();
		assertThat(connections.admitReserved(CLIENT)).as("one connection per client").isEqualTo("per_client");
		assertThat(drained).isNotDone();
		connections.released(CLIENT);
		assertThat(drained).as("the refusal gave its reservation back").isDone();
	}

	private static ListenerConnections connections(int max, int perClient) {
		Map<String, String> settings = Map.of("l.protocol", "tcp", "l.port", "0", "l.service", "echo",
				"l.max-connections", String.valueOf(max), "l.max-connections-per-client", String.valueOf(perClient),
				"l.exempt-clients", "");
		ListenerProperties properties = new Binder(new MapConfigurationPropertySource(settings)).bindOrCreate("l",
				ListenerProperties.class);
		return new ListenerConnections(Admission.of(properties, ProcessConnections.of(null), OverLimit.NONE));
	}

}
