package io.wharf.bench;

import java.util.List;

/**
 * One measured workload.
 *
 * @param name short name used in the table
 * @param what what it does
 * @param nettyToo whether the Netty baseline can serve it (it has no greeting)
 * @param load runs it against a server
 */
record Scenario(String name, String what, boolean nettyToo, Load load) {

	static List<Scenario> all(BenchOptions options) {
		long w = options.warmupMillis();
		long m = options.measureMillis();
		return List.of(
				new Scenario("pingpong-line-100", "ping-pong, 100 connections, 64 B CRLF lines", true,
						(t) -> new TcpLoad(t.port(LoadFraming.LINE), 100, 1, LoadFraming.LINE, 64, w, m, 0).run()),
				new Scenario("pingpong-raw-100", "ping-pong, 100 connections, 64 B raw", true,
						(t) -> new TcpLoad(t.port(LoadFraming.RAW), 100, 1, LoadFraming.RAW, 64, w, m, 0).run()),
				new Scenario("pingpong-framed-100", "ping-pong, 100 connections, 64 B length-prefixed", true,
						(t) -> new TcpLoad(t.port(LoadFraming.LENGTH_PREFIX), 100, 1, LoadFraming.LENGTH_PREFIX, 64, w,
								m, 0)
							.run()),
				new Scenario("pipelined-line-100x8", "8 in flight per connection, 100 connections, 64 B lines", true,
						(t) -> new TcpLoad(t.port(LoadFraming.LINE), 100, 8, LoadFraming.LINE, 64, w, m, 0).run()),
				new Scenario("single-connection", "one connection ping-pong, 64 B lines", true,
						(t) -> new TcpLoad(t.port(LoadFraming.LINE), 1, 1, LoadFraming.LINE, 64, w, m, 0).run()),
				new Scenario("open-loop-5k", "fixed 5,000 msg/s over 100 connections, 64 B lines", true,
						(t) -> new TcpLoad(t.port(LoadFraming.LINE), 100, 1, LoadFraming.LINE, 64, w, m, 5000).run()),
				new Scenario("churn", "connect, echo one line, close; 4 client threads", true,
						(t) -> new ChurnLoad(t.port(LoadFraming.LINE), 4, w, m, ChurnLoad.Conversation.echoOnce())
							.run()),
				new Scenario("udp-10-flows", "UDP echo, 10 flows, 64 B datagrams", true,
						(t) -> new UdpLoad(t.udpPort(), 10, 64, w, m).run()),
				new Scenario("pingpong-tls-100", "TLS ping-pong, 100 connections, 64 B raw", true,
						(t) -> new TlsLoad(t.tlsPort(), t.authority(), 100, false, w, m).run()),
				new Scenario("churn-tls", "TLS connect, full handshake, echo 64 B, close; 8 in flight", true,
						(t) -> new TlsLoad(t.tlsPort(), t.authority(), 8, true, w, m).run()),
				new Scenario("greeting-sessions", "welcome, one name, exit, farewell; 4 client threads", false,
						(t) -> new ChurnLoad(t.greetingPort(), 4, w, m, ChurnLoad.Conversation.greeting()).run()));
	}

	/** Runs the load against one server. */
	interface Load {

		LoadResult apply(Bench.Target target) throws Exception;

	}

}
