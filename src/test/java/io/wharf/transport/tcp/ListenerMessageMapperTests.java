package io.wharf.transport.tcp;

import java.net.InetAddress;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import org.springframework.integration.ip.IpHeaders;
import org.springframework.integration.ip.tcp.connection.SocketInfo;
import org.springframework.integration.ip.tcp.connection.TcpConnection;
import org.springframework.integration.ip.tcp.connection.TcpMessageMapper;
import org.springframework.messaging.Message;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.BDDMockito.given;
import static org.mockito.Mockito.mock;

/**
 * The mapper builds the same headers as Spring Integration's, in one pass.
 */
class ListenerMessageMapperTests {

	@Test
	void sameStandardHeadersAsSpringIntegrationsMapperPlusTheListenersOwn() throws Exception {
		TcpConnection connection = mock(TcpConnection.class);
		given(connection.getPayload()).willReturn(new byte[] { 1, 2 });
		given(connection.getHostName()).willReturn("192.0.2.7");
		given(connection.getHostAddress()).willReturn("192.0.2.7");
		given(connection.getPort()).willReturn(50123);
		given(connection.getConnectionId()).willReturn("c-1");
		given(connection.getSocketInfo()).willReturn(new SocketInfo(new java.net.Socket() {
			@Override
			public InetAddress getLocalAddress() {
				return InetAddress.getLoopbackAddress();
			}
		}));
		Map<String, Object> listener = Map.of("wharf_listener", "echo-line", IpHeaders.CONNECTION_ID, "not this");

		Message<?> ours = new ListenerMessageMapper(listener).toMessage(connection);
		TcpMessageMapper reference = new TcpMessageMapper() {
			@Override
			protected Map<String, ?> supplyCustomHeaders(TcpConnection ignored) {
				return listener;
			}
		};
		Message<?> theirs = reference.toMessage(connection);

		assertThat(ours).isNotNull();
		assertThat(theirs).isNotNull();
		assertThat(ours.getPayload()).isEqualTo(theirs.getPayload());
		Map<String, Object> expected = new HashMap<>(theirs.getHeaders());
		Map<String, Object> actual = new HashMap<>(ours.getHeaders());
		for (Map<String, Object> headers : List.of(expected, actual)) {
			headers.remove("id");
			headers.remove("timestamp");
		}
		assertThat(actual).isEqualTo(expected)
			.containsEntry(IpHeaders.CONNECTION_ID, "c-1")
			.containsEntry("wharf_listener", "echo-line")
			.containsEntry(IpHeaders.REMOTE_PORT, 50123);
		assertThat(ours.getHeaders().getId()).isNotNull();
		assertThat(ours.getHeaders().getTimestamp()).isNotNull();
	}

}
