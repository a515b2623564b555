package io.wharf.cluster;

import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

import io.wharf.api.SendResult;
import io.wharf.api.SocketSessions.Broadcast;
import io.wharf.cluster.ClusterMessage.Kind;
import io.wharf.cluster.ClusterMessage.MalformedClusterMessage;
import io.wharf.cluster.ClusterMeters.Result;
import io.wharf.conversation.FrameTap;
import io.wharf.conversation.SessionHandle;
import io.wharf.observe.LogThrottle;
import io.wharf.transport.LocalSessions;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * What arrives from other instances, acted on one message at a time on the bus's
 * receiving thread: a send, a broadcast or a close for this instance's sessions (each
 * answered to its sender), or the answer to one of this instance's own calls. A message
 * past its deadline is dropped unread; bytes that are no message are counted and logged,
 * at most once per 10 seconds.
 */
final class ClusterInbox {

	private static final Logger logger = LoggerFactory.getLogger(ClusterInbox.class);

	private final ClusterState state;

	private final LocalSessions local;

	private final RemoteCalls calls;

	private final ClusterBus bus;

	private final ClusterMeters meters;

	private final LogThrottle throttle = new LogThrottle();

	ClusterInbox(ClusterState state, LocalSessions local, RemoteCalls calls, ClusterBus bus, ClusterMeters meters) {
		this.state = state;
		this.local = local;
		this.calls = calls;
		this.bus = bus;
		this.meters = meters;
	}

	/**
	 * Acts on one message from the bus.
	 * @param bytes the message's bytes
	 */
	void receive(byte[] bytes) {
		ClusterMessage message;
		try {
			message = ClusterMessage.decode(bytes);
		}
		catch (MalformedClusterMessage ex) {
			this.meters.malformed();
			long heldBack = this.throttle.admit("malformed");
			if (heldBack >= 0) {
				logger.warn(
						"Cluster '{}' dropped a {} byte message on its channel that is not one of this "
								+ "version's: {}; is something else publishing to the cluster's Redis channels?{}",
						this.state.name(), bytes.length, ex.getMessage(),
						(heldBack > 0) ? " (" + heldBack + " more in the last 10 s)" : "");
			}
			return;
		}
		if (message.kind() == Kind.BROADCAST && message.from().equals(this.state.instance())) {
			// This instance served its own broadcast when it sent it.
			return;
		}
		if (message.deadline() < System.currentTimeMillis()) {
			this.meters.received(message.kind(), Result.EXPIRED);
			return;
		}
		this.meters.received(message.kind(), Result.OK);
		act(message);
	}

	private void act(ClusterMessage message) {
		switch (message.kind()) {
			case SEND -> {
				SessionHandle session = this.local.handle(message.target());
				answer(message, (session != null) ? session.send(message.frames()) : SendResult.GONE);
			}
			case CLOSE -> {
				SessionHandle session = this.local.handle(message.target());
				if (session != null) {
					session.closeByOperator();
				}
				answer(message, (session != null) ? SendResult.SENT : SendResult.GONE);
			}
			case BROADCAST -> answer(message, broadcast(message));
			case SEND_RESULT -> this.calls.answered(message.correlation(), message.result());
			case BROADCAST_RESULT -> this.calls.answered(message.correlation(), message.from(), message.counts());
			case TAP -> tap(message);
			case TAP_RESULT -> this.calls.answered(message);
		}
	}

	/**
	 * An operator on another instance taps a session of this one: the tap runs here for
	 * the time asked, and what it saw goes back.
	 */
	private void tap(ClusterMessage message) {
		SessionHandle session = this.local.handle(message.target());
		if (session == null) {
			reply(message.from(), message.answer(this.state.instance(), (FrameTap.Result) null));
			return;
		}
		long[] asked = message.tapAsked();
		logger.info("Tap of session {} for up to {} frames within {} ms, asked through instance {}", message.target(),
				asked[0], asked[2], message.from());
		FrameTap tap = new FrameTap((int) asked[0], asked[1]);
		session.tap(tap);
		CompletableFuture.delayedExecutor(asked[2], TimeUnit.MILLISECONDS).execute(() -> session.untap(tap));
		tap.result().thenAccept((result) -> reply(message.from(), message.answer(this.state.instance(), result)));
	}

	private Broadcast broadcast(ClusterMessage message) {
		try {
			return this.local.broadcastHere(message.audience(), message.frames());
		}
		catch (IllegalArgumentException ex) {
			// The listener does not run here.
			return new Broadcast(0, 0, 0, 0);
		}
	}

	private void answer(ClusterMessage message, SendResult result) {
		if (message.correlation() != 0) {
			reply(message.from(), message.answer(this.state.instance(), result));
		}
	}

	private void answer(ClusterMessage message, Broadcast counts) {
		if (message.correlation() != 0) {
			reply(message.from(), message.answer(this.state.instance(), counts));
		}
	}

	private void reply(String to, ClusterMessage answer) {
		if (!this.bus.publish(to, answer.encode(), answer.deadline())) {
			this.meters.sent(answer.kind(), Result.REJECTED);
		}
	}

}
