package io.wharf.transport.tcp;

import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.function.Supplier;

import io.wharf.api.Audience;
import io.wharf.api.SocketSessions.Broadcast;
import io.wharf.config.ListenerProperties;
import io.wharf.config.Protocol;
import io.wharf.conversation.SessionHandle;
import io.wharf.conversation.SessionObserver;
import io.wharf.observe.ListenerMetrics;
import io.wharf.transport.BoundListener;
import io.wharf.transport.Leftovers;
import io.wharf.transport.ListenerRoute;
import io.wharf.transport.ListenerTransport;
import io.wharf.transport.SessionIds;
import io.wharf.transport.tcp.admission.Admission;
import io.wharf.transport.tcp.admission.ProcessConnections;
import io.wharf.transport.tcp.connection.ConnectionLog;
import io.wharf.transport.tcp.connection.DeadlineSweep;
import io.wharf.transport.tcp.connection.Deadlines;
import io.wharf.transport.tcp.framing.Framing;
import io.wharf.transport.tcp.proxy.ProxyPolicy;
import io.wharf.transport.tcp.tls.ListenerTls;
import io.wharf.transport.tcp.tls.TlsProvider;
import org.jspecify.annotations.Nullable;

import org.springframework.boot.ssl.SslBundles;
import org.springframework.integration.ip.tcp.outbound.TcpSendingMessageHandler;

/**
 * Binds TCP listeners: a Netty connection factory behind Spring Integration's contract,
 * Spring Integration's own inbound adapter feeding the service channel, and its sending
 * handler draining the replies.
 */
class TcpTransport implements ListenerTransport {

	private final NettyEventLoops loops;

	private final ProcessConnections process;

	private final SslBundles bundles;

	private final Supplier<TlsProvider> tlsProvider;

	private final SessionIds ids;

	private final SessionObserver observer;

	TcpTransport(NettyEventLoops loops, ProcessConnections process, SslBundles bundles,
			Supplier<TlsProvider> tlsProvider, SessionIds ids, SessionObserver observer) {
		this.loops = loops;
		this.process = process;
		this.bundles = bundles;
		this.tlsProvider = tlsProvider;
		this.ids = ids;
		this.observer = observer;
	}

	/**
	 * The TLS implementation of every TLS listener, chosen the first time it is asked
	 * for: loading OpenSSL is not free, and only TLS listeners need it.
	 * @return the provider
	 */
	TlsProvider tlsProvider() {
		return this.tlsProvider.get();
	}

	@Override
	public Protocol protocol() {
		return Protocol.TCP;
	}

	@Override
	public BoundListener bind(ListenerRoute route, ListenerMetrics metrics) {
		String name = route.name();
		ListenerProperties properties = route.properties();
		ConnectionLog log = new ConnectionLog(name, properties);
		ListenerConnections connections = new ListenerConnections(
				Admission.of(properties, this.process, (limit, client, action) -> {
					metrics.clientLimitExceeded(limit, action);
					log.overLimit(client.getHostAddress(), limit, action);
				}));
		DeadlineSweep deadlines = new DeadlineSweep(connections::all, log, Deadlines.of(properties),
				this.loops.workers());
		ListenerTls tls = properties.ssl().enabled()
				? ListenerTls.of(name, properties.ssl(), this.bundles, tlsProvider(), metrics) : null;
		ListenerContext context = new ListenerContext(name, log,
				new InboundMessages(route.headers(), route.servedByFlow()), metrics, deadlines,
				new Framing(properties.framing()), ProxyPolicy.of(properties), tls, this.ids, this.observer);
		NettyConnectionFactory factory = new NettyConnectionFactory(name, properties, this.loops,
				(self) -> new ConnectionPipeline(context, connections, self));
		connections.registeredIn(factory);
		return new BoundTcpListener(name, properties, route, factory, connections, deadlines, log, metrics);
	}

	/**
	 * The settings a running listener takes without being bound anew: its timeouts, and
	 * its limits for the connections that come after the change.
	 */
	private static final Set<String> ADJUSTABLE = Set.of("idleTimeout", "frameTimeout", "writeTimeout",
			"maxConnectionAge", "maxConnections", "maxConnectionsPerClient", "maxConnectionsPerPrefix",
			"connectionRatePerClient", "connectionBurstPerClient", "allow", "deny", "exemptClients", "clientLimits");

	/** A bound TCP listener through its lifecycle. */
	private record BoundTcpListener(String name, ListenerProperties properties, ListenerRoute route,
			NettyConnectionFactory factory, ListenerConnections connections, DeadlineSweep deadlines, ConnectionLog log,
			ListenerMetrics metrics) implements BoundListener {

		@Override
		public int localPort() {
			return this.factory.getPort();
		}

		/**
		 * New timeouts hold the open sessions from the next sweep on (an open session
		 * keeps the age limit drawn when it opened); new limits hold the connections that
		 * come after the change, while open ones stay and count, but for those whose
		 * clients a new allow or deny refuses; anything else needs the listener bound
		 * anew.
		 */
		@Override
		public @Nullable BoundListener adjusted(ListenerProperties next) {
			if (!BoundListener.differOnlyIn(this.properties, next, ADJUSTABLE)) {
				return null;
			}
			this.deadlines.change(Deadlines.of(next));
			this.connections.change(next);
			this.log.change(next);
			if (!next.allow().equals(this.properties.allow()) || !next.deny().equals(this.properties.deny())) {
				// A range denied now is one the operator wants out, open sessions too.
				int closed = this.connections.closeDisallowed();
				if (closed > 0) {
					this.log.closedByAccessChange(closed);
				}
			}
			this.metrics.connections().limit(next.maxConnections());
			return new BoundTcpListener(this.name, next, this.route, this.factory, this.connections, this.deadlines,
					this.log, this.metrics);
		}

		@Override
		public void start(Set<Integer> wharfPorts) {
			ListenerInboundAdapter inbound = new ListenerInboundAdapter();
			inbound.setConnectionFactory(this.factory);
			// Only a flow's replies come back through Spring Integration's sending
			// handler,
			// which registers every connection to find it by id; a service bean answers
			// its
			// session directly, so its connections are spared that registration.
			TcpSendingMessageHandler replies = null;
			if (this.route.servedByFlow()) {
				replies = new TcpSendingMessageHandler();
				replies.setConnectionFactory(this.factory);
			}
			this.route.start(inbound, replies, Map.of(this.name + ".connections", this.factory));
			this.deadlines.start();
		}

		@Override
		public void stopAccepting() {
			this.factory.stopAccepting();
		}

		@Override
		public CompletableFuture<Void> drained() {
			return this.connections.drain();
		}

		@Override
		public Leftovers leftovers() {
			return this.connections.leftovers();
		}

		@Override
		public void close() {
			this.deadlines.stop();
			this.factory.stop();
			this.route.remove();
		}

		@Override
		public Collection<SessionHandle> sessions() {
			return this.connections.handles();
		}

		@Override
		public @Nullable SessionHandle session(String id) {
			return this.connections.handle(id);
		}

		@Override
		public Broadcast broadcast(Audience audience, List<byte[]> frames) {
			return this.connections.broadcast(audience, frames);
		}

	}

}
