package io.wharf.cluster.redis;

import java.util.Map;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;

import io.wharf.cluster.ClusterBus;
import io.wharf.cluster.ClusterBus.Drops;
import io.wharf.conversation.WharfChannel;
import io.wharf.observe.LogThrottle;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.beans.factory.BeanFactory;
import org.springframework.core.NestedExceptionUtils;
import org.springframework.data.redis.connection.RedisConnectionFactory;
import org.springframework.data.redis.connection.lettuce.LettuceConnectionFactory;
import org.springframework.data.redis.serializer.RedisSerializer;
import org.springframework.expression.spel.support.StandardEvaluationContext;
import org.springframework.integration.expression.FunctionExpression;
import org.springframework.integration.redis.outbound.RedisPublishingMessageHandler;
import org.springframework.messaging.Message;
import org.springframework.messaging.MessageHandler;
import org.springframework.messaging.MessageHeaders;
import org.springframework.messaging.support.GenericMessage;
import org.springframework.scheduling.concurrent.CustomizableThreadFactory;

/**
 * The cluster's bus on Redis publish/subscribe, through Spring Integration's Redis
 * adapters: each instance subscribes to its own channel ({@code <cluster>:to:<instance>})
 * and to the cluster's ({@code <cluster>:all}) with a {@code RedisInboundChannelAdapter},
 * and publishes with a {@code RedisPublishingMessageHandler} on one thread behind a
 * bounded queue, so that no caller waits for Redis and messages leave in the order they
 * were queued. A message whose deadline passed while it was queued is not published.
 * Received messages are handed over on one thread, in order, through a bounded queue too.
 */
public final class RedisClusterBus implements ClusterBus {

	private static final Logger logger = LoggerFactory.getLogger(RedisClusterBus.class);

	/** The header that says which Redis channel a message goes to. */
	static final String CHANNEL = "wharf_cluster_channel";

	private final RedisConnectionFactory redis;

	private final BeanFactory beans;

	private final ClusterChannels channels;

	private final Drops drops;

	private final ThreadPoolExecutor publisher;

	private final RedisPublishingMessageHandler publishing;

	private final int capacity;

	private final LogThrottle throttle = new LogThrottle();

	private @Nullable ThreadPoolExecutor receiver;

	private @Nullable ClusterInboundAdapter inbound;

	/**
	 * The bus of one instance.
	 * @param redis Spring Boot's Redis connection
	 * @param beans the application's beans, which Spring Integration's adapters read
	 * their settings from
	 * @param channels the cluster's Redis channels
	 * @param capacity messages queued at most each way
	 * @param drops told of what could not be published or was dropped on arrival
	 */
	public RedisClusterBus(RedisConnectionFactory redis, BeanFactory beans, ClusterChannels channels, int capacity,
			Drops drops) {
		this.redis = redis;
		this.beans = beans;
		this.channels = channels;
		this.capacity = capacity;
		this.drops = drops;
		this.publisher = singleThread("wharf-cluster-out", capacity);
		this.publishing = new RedisPublishingMessageHandler(redis);
		this.publishing.setTopicExpression(
				new FunctionExpression<Message<?>>((message) -> message.getHeaders().get(CHANNEL, String.class)));
		// The topic is read by a function, not a SpEL expression over the application's
		// beans.
		this.publishing.setIntegrationEvaluationContext(new StandardEvaluationContext());
		this.publishing.setBeanName("wharf.cluster.publish");
		this.publishing.setBeanFactory(beans);
		this.publishing.afterPropertiesSet();
	}

	@Override
	public synchronized void start(Consumer<byte[]> receiving) {
		if (this.receiver != null) {
			return;
		}
		this.receiver = singleThread("wharf-cluster-in", this.capacity);
		this.receiver.setRejectedExecutionHandler((task, executor) -> this.drops.droppedOnArrival());
		ClusterInboundAdapter adapter = new ClusterInboundAdapter(this.redis);
		adapter.setTopics(this.channels.own(), this.channels.all());
		adapter.setSerializer(RedisSerializer.byteArray());
		adapter.setTaskExecutor(this.receiver);
		adapter.setOutputChannel(WharfChannel.to("wharf.cluster.received", this.beans,
				(MessageHandler) (message) -> receiving.accept((byte[]) message.getPayload())));
		adapter.setBeanName("wharf.cluster.receive");
		adapter.setBeanFactory(this.beans);
		adapter.afterPropertiesSet();
		adapter.start();
		this.inbound = adapter;
	}

	@Override
	public boolean publish(@Nullable String instance, byte[] message, long deadline) {
		String channel = (instance != null) ? this.channels.of(instance) : this.channels.all();
		Message<byte[]> outbound = new GenericMessage<>(message, new MessageHeaders(Map.of(CHANNEL, channel)));
		try {
			this.publisher.execute(() -> publish(outbound, deadline));
			return true;
		}
		catch (RejectedExecutionException ex) {
			// The publisher's queue is full, or the bus stopped.
			return false;
		}
	}

	private void publish(Message<byte[]> message, long deadline) {
		if (deadline < System.currentTimeMillis()) {
			this.drops.expiredBeforePublishing();
			return;
		}
		try {
			this.publishing.handleMessage(message);
		}
		catch (RuntimeException ex) {
			publishFailed(NestedExceptionUtils.getMostSpecificCause(ex));
		}
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
		if (this.inbound != null) {
			this.inbound.stop();
			this.inbound = null;
		}
		if (this.receiver != null) {
			this.receiver.shutdownNow();
			this.receiver = null;
		}
		this.publisher.shutdownNow();
	}

	private static ThreadPoolExecutor singleThread(String name, int capacity) {
		CustomizableThreadFactory threads = new CustomizableThreadFactory(name + "-");
		threads.setDaemon(true);
		return new ThreadPoolExecutor(1, 1, 0, TimeUnit.MILLISECONDS, new ArrayBlockingQueue<>(capacity), threads);
	}

}
