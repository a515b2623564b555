package io.wharf.conversation;

import org.springframework.beans.factory.BeanFactory;
import org.springframework.integration.channel.DirectChannel;
import org.springframework.integration.support.management.metrics.MetricsCaptor;
import org.springframework.messaging.MessageHandler;

/**
 * A direct channel between two of Wharf's own components, such as a listener and its
 * service: the one subscriber is called on the sender's thread, with no endpoint between
 * them. Its subscriptions are logged in the {@code wharf-integration} logging group, not
 * among the application's Spring Integration components, and it keeps no Spring
 * Integration meters: the listener's own meters count every message.
 */
public final class WharfChannel extends DirectChannel {

	private WharfChannel() {
	}

	/**
	 * A channel ready to send to.
	 * @param name the channel's name, in logs and errors
	 * @param beans the application's beans, which Spring Integration reads its settings
	 * from
	 * @param subscriber what every message goes to
	 * @return the channel
	 */
	public static WharfChannel to(String name, BeanFactory beans, MessageHandler subscriber) {
		WharfChannel channel = named(name, beans);
		channel.subscribe(subscriber);
		return channel;
	}

	/**
	 * A channel whose subscriber comes later.
	 * @param name the channel's name, in logs and errors
	 * @param beans the application's beans
	 * @return the channel, with no subscriber yet
	 */
	public static WharfChannel named(String name, BeanFactory beans) {
		WharfChannel channel = new WharfChannel();
		// No per-message check whether to log it at DEBUG.
		channel.setLoggingEnabled(false);
		channel.setBeanName(name);
		channel.setBeanFactory(beans);
		channel.afterPropertiesSet();
		return channel;
	}

	@Override
	public void registerMetricsCaptor(MetricsCaptor captor) {
		// The listener's meters count what passes here.
	}

}
