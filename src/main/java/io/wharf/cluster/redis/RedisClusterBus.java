package io.wharf.cluster.redis;

import java.util.Map;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;

import io.wharf.cluster.ClusterBus;
import io.wharf.cluster.ClusterBus.Drops;
import io.wharf.observe.LogThrottle;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.core.NestedExceptionUtils;
import org.springframework.core.task.support.TaskExecutorAdapter;
import org.springframework.data.redis.connection.RedisConnectionFactory;
import org.springframework.data.redis.connection.lettuce.LettuceConnectionFactory;
import org.springframework.data.redis.serializer.RedisSerializer;
import org.springframework.integration.channel.ExecutorChannel;
import org.springframework.integration.dsl.IntegrationFlow;
import org.springframework.integration.dsl.context.IntegrationFlowContext;
import org.springframework.integration.redis.dsl.Redis;
import org.springframework.integration.util.ErrorHandlingTaskExecutor;
import org.springframework.messaging.Message;
import org.springframework.messaging.MessageHandler;
import org.springframework.messaging.MessageHeaders;
import org.springframework.messaging.support.GenericMessage;
import org.springframework.scheduling.concurrent.CustomizableThreadFactory;

/**
 * The cluster's bus on Redis publish/subscribe, through Spring Integration's Redis
 * adapters: each instance subscribes to its own channel ({@code <cluster>:to:<instance>})
 * and to the cluster's ({@code <cluster>:all}) with a {@code RedisInboundChannelAdapter},
 * and publishes with a {@code RedisPublishingMessageHandler} behind an executor channel
 * of one thread and a bounded queue, so that no caller waits for Redis and messages leave
 * in the order they were queued. A message whose deadline passed while it was queued is
 * not published. Received messages are handed over on one thread, in order, through a
 * bounded queue too.
 */
public final class RedisClusterBus implements ClusterBus {

	private static final Logger logger = LoggerFactory.getLogger(RedisClusterBus.class);

	/** The header that says which Redis channel a message goes to. */
	static final String CHANNEL = "wharf_cluster_channel";

	/** The header that says when a message is not worth publishing any more. */
	static final String DEADLINE = "wharf_cluster_deadline";

	private final RedisConnectionFactory redis;

	private final IntegrationFlowContext flows;

	private final ClusterChannels channels;

	private final Drops drops;

	private final ThreadPoolExecutor publisher;

	private final ExecutorChannel outbound;

	private final int capacity;

	private final LogThrottle throttle = new LogThrottle();

	private @Nullable ThreadPoolExecutor receiver;

	/**
	 * The bus of one instance.
	 * @param redis Spring Boot's Redis connection
	 * @param flows where the adapters' flows are registered
	 * @param channels the cluster's Redis channels
	 * @param capacity messages queued at most each way
	 * @param drops told of what could not be published or was dropped on arrival
	 */
	public RedisClusterBus(RedisConnectionFactory redis, IntegrationFlowContext flows, ClusterChannels channels,
			int capacity, Drops drops) {
		this.redis = redis;
		this.flows = flows;
		this.channels = channels;
		this.capacity = capacity;
		this.drops = drops;
		this.publisher = singleThread("wharf-cluster-out", capacity);
		this.outbound = new ExecutorChannel(new ErrorHandlingTaskExecutor(new TaskExecutorAdapter(this.publisher),
				(error) -> publishFailed(NestedExceptionUtils.getMostSpecificCause(error))));
		this.outbound.setBeanName("wharf.cluster.outbound");
	}

	@Override
	public synchronized void start(Consumer<byte[]> receiving) {
		if (this.receiver != null) {
			return;
		}
		this.flows
			.registration(IntegrationFlow.from(this.outbound)
				.filter(Message.class, this::inTime, (filter) -> filter.discardChannel("nullChannel"))
				.handle(Redis.outboundChannelAdapter(this.redis)
					.topicFunction((Message<byte[]> message) -> (String) message.getHeaders().get(CHANNEL)))
				.get())
			.id("wharf.cluster.publish")
			.register();
		this.receiver = singleThread("wharf-cluster-in", this.capacity);
		this.receiver.setRejectedExecutionHandler((task, executor) -> this.drops.droppedOnArrival());
		this.flows.registration(IntegrationFlow
			.from(Redis.inboundChannelAdapter(this.redis)
				.topics(this.channels.own(), this.channels.all())
				.serializer(RedisSerializer.byteArray())
				.taskExecutor(this.receiver))
			.handle((MessageHandler) (message) -> receiving.accept((byte[]) message.getPayload()))
			.get()).id("wharf.cluster.receive").register();
	}

	@Override
	public boolean publish(@Nullable String instance, byte[] message, long deadline) {
		String channel = (instance != null) ? this.channels.of(instance) : this.channels.all();
		try {
			return this.outbound
				.send(new GenericMessage<>(message, new MessageHeaders(Map.of(CHANNEL, channel, DEADLINE, deadline))));
		}
		catch (RuntimeException ex) {
			// The publisher's queue is full.
			return false;
		}
	}

	private boolean inTime(Message<?> message) {
		Long deadline = message.getHeaders().get(DEADLINE, Long.class);
		if (deadline != null && deadline < System.currentTimeMillis()) {
			this.drops.expiredBeforePublishing();
			return false;
		}
		return true;
	}

	private void publishFailed(Throwable cause) {
		this.drops.publishFailed();
		long heldBack = this.throttle.admit("publish");
		if (heldBack >= 0) {
			logger.warn("Could not publish a message to the cluster through Redis: {}{}", cause.toString(),
					(heldBack > 0) ? " (" + heldBack + " more in the last 10 s)" : "");
		}
	}

	@Override
	public String endpoint() {
		if (this.redis instanceof LettuceConnectionFactory lettuce) {
			return "redis://" + lettuce.getHostName() + ":" + lettuce.getPort();
		}
		return this.redis.getClass().getSimpleName();
	}

	@Override
	public synchronized void stop() {
		if (this.flows.getRegistrationById("wharf.cluster.receive") != null) {
			this.flows.remove("wharf.cluster.receive");
		}
		if (this.receiver != null) {
			this.receiver.shutdownNow();
			this.receiver = null;
		}
		if (this.flows.getRegistrationById("wharf.cluster.publish") != null) {
			this.flows.remove("wharf.cluster.publish");
		}
		this.publisher.shutdownNow();
	}

	private static ThreadPoolExecutor singleThread(String name, int capacity) {
		CustomizableThreadFactory threads = new CustomizableThreadFactory(name + "-");
		threads.setDaemon(true);
		return new ThreadPoolExecutor(1, 1, 0, TimeUnit.MILLISECONDS, new ArrayBlockingQueue<>(capacity), threads);
	}

}
