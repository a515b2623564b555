package io.wharf.conversation;

import java.lang.reflect.Method;
import java.util.Arrays;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.ConcurrentHashMap;

import io.wharf.api.SocketService;
import org.jspecify.annotations.Nullable;

import org.springframework.beans.factory.ListableBeanFactory;
import org.springframework.messaging.MessageChannel;

/**
 * The channel each service receives on: for a {@link SocketService} bean, a
 * {@link WharfChannel} straight into its {@link ServiceAdapter}, made once when the first
 * listener naming it starts; for any other name, the application's own channel bean
 * {@code <service>.requests}, which a Spring Integration user wires a flow of their own
 * from. Services are looked up by name when the listeners start, not injected, so a
 * service may itself use {@code SocketSessions}, and a service no listener names is never
 * called.
 */
public final class ServiceChannels {

	private final ListableBeanFactory beans;

	private final Map<String, MessageChannel> channels = new ConcurrentHashMap<>();

	public ServiceChannels(ListableBeanFactory beans) {
		this.beans = beans;
	}

	/**
	 * The name of the channel bean a Spring Integration flow serves a service on.
	 * @param service the service's name
	 * @return {@code <service>.requests}
	 */
	public static String requestChannel(String service) {
		return service + ".requests";
	}

	/**
	 * The channel a listener sends a service's messages to.
	 * @param service the service's name
	 * @return the service bean's channel, or the application's channel of that name
	 */
	public MessageChannel channel(String service) {
		return this.channels.computeIfAbsent(service, (name) -> {
			if (isService(name)) {
				ServiceAdapter adapter = new ServiceAdapter(this.beans.getBean(name, SocketService.class));
				adapter.setBeanName(name + ".service");
				adapter.setLoggingEnabled(false);
				adapter.setBeanFactory(this.beans);
				adapter.afterPropertiesSet();
				return WharfChannel.to(requestChannel(name), this.beans, adapter);
			}
			return this.beans.getBean(requestChannel(name), MessageChannel.class);
		});
	}

	/**
	 * What keeps a listener from using the service it names, if anything: no bean of that
	 * name (and no channel {@code <service>.requests} of a Spring Integration flow), a
	 * bean that is no {@link SocketService}, or a service that does not implement what
	 * the listener's protocol calls ({@code received} for TCP, {@code datagram} for UDP).
	 * @param listener the listener's name
	 * @param service the service it names
	 * @param tcp whether it is a TCP listener, else UDP
	 * @return the problem as a sentence, or null when there is none
	 */
	public @Nullable String problem(String listener, String service, boolean tcp) {
		String named = "Listener '" + listener + "' names service '" + service + "' (wharf.listeners." + listener
				+ ".service)";
		if (!this.beans.containsBean(service)) {
			return this.beans.containsBean(requestChannel(service)) ? null : named + ", which does not exist.";
		}
		Class<?> type = this.beans.getType(service);
		if (!isService(service)) {
			return named + ", but the bean '" + service + "' is " + ((type != null) ? "a " + type.getName() : "")
					+ " and not an io.wharf.api.SocketService.";
		}
		String needed = tcp ? "received" : "datagram";
		if (type != null && !implementsMethod(type, needed)) {
			return named + ", a " + type.getName() + " that does not implement " + needed + "(...), which every "
					+ (tcp ? "frame of a TCP session" : "UDP datagram") + " goes to.";
		}
		return null;
	}

	private static boolean implementsMethod(Class<?> type, String name) {
		for (Method method : type.getMethods()) {
			if (method.getName().equals(name) && !method.getDeclaringClass().isInterface()) {
				return true;
			}
		}
		return false;
	}

	/**
	 * Tells a service that a listener serving it started.
	 * @param service the service's name
	 * @param listener the listener's name
	 * @param protocol {@code tcp} or {@code udp}
	 */
	public void listening(String service, String listener, String protocol) {
		if (isService(service)) {
			this.beans.getBean(service, SocketService.class).listening(listener, protocol);
		}
	}

	/**
	 * Whether a bean of that name is a service.
	 * @param name a bean name
	 * @return true for a {@link SocketService} bean
	 */
	public boolean isService(String name) {
		return this.beans.containsBean(name) && this.beans.isTypeMatch(name, SocketService.class);
	}

	/**
	 * The names of the services there are.
	 * @return bean names, sorted
	 */
	public Set<String> names() {
		return new TreeSet<>(Arrays.asList(this.beans.getBeanNamesForType(SocketService.class)));
	}

}
