package io.wharf.reload;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.wharf.config.ListenersProperties;
import io.wharf.transport.ListenerChange;
import io.wharf.transport.Listeners;
import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;
import org.jspecify.annotations.Nullable;

import org.springframework.boot.context.properties.bind.BindException;
import org.springframework.boot.context.properties.bind.Bindable;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.context.properties.bind.PropertySourcesPlaceholdersResolver;
import org.springframework.boot.context.properties.source.ConfigurationPropertySources;
import org.springframework.boot.env.YamlPropertySourceLoader;
import org.springframework.context.ApplicationContext;
import org.springframework.context.ApplicationContextAware;
import org.springframework.context.ApplicationListener;
import org.springframework.context.event.ApplicationContextEvent;
import org.springframework.context.event.ContextClosedEvent;
import org.springframework.context.event.ContextRefreshedEvent;
import org.springframework.core.convert.ConversionService;
import org.springframework.core.env.ConfigurableEnvironment;
import org.springframework.core.env.MutablePropertySources;
import org.springframework.core.env.PropertySource;
import org.springframework.core.io.ByteArrayResource;
import org.springframework.validation.BeanPropertyBindingResult;
import org.springframework.validation.FieldError;

/**
 * Applies a change of the watched configuration file's listeners while Wharf runs. The
 * file is looked at every {@code wharf.reload.interval}; when its content changed, the
 * {@code wharf.*} settings are bound again, with the file's new content in place of its
 * old among everything else Spring Boot read (the command line and the environment still
 * come first), and checked as at start-up. A change that does not bind or check, names no
 * service, or adds a listener that cannot bind is refused whole, logged, and the running
 * listeners are kept; otherwise {@link Listeners#apply} changes what changed. Each change
 * is counted in {@code wharf_config_changes_total{result}} and logged. It watches from
 * the context's refresh, once the listeners run, to its close, before their drain; it is
 * no lifecycle bean, since one that depends on the listeners would end their shutdown
 * phase before their drain did.
 */
public class ListenerConfigReload implements ApplicationListener<ApplicationContextEvent>, ApplicationContextAware {

	private static final Log logger = LogFactory.getLog(ListenerConfigReload.class);

	private final ReloadProperties properties;

	private final Listeners listeners;

	private final ConfigurableEnvironment environment;

	private final ConversionService conversions;

	private final MeterRegistry registry;

	/**
	 * Registered when the watch starts: an application that does not watch has no such
	 * meter.
	 */
	private @Nullable Counter applied;

	private @Nullable Counter refused;

	private volatile @Nullable ScheduledExecutorService watching;

	private @Nullable ApplicationContext context;

	private byte @Nullable [] content;

	public ListenerConfigReload(ReloadProperties properties, Listeners listeners, ConfigurableEnvironment environment,
			ConversionService conversions, MeterRegistry registry) {
		this.properties = properties;
		this.listeners = listeners;
		this.environment = environment;
		this.conversions = conversions;
		this.registry = registry;
	}

	private static Counter changes(MeterRegistry registry, String result) {
		return Counter.builder("wharf.config.changes")
			.description("Changes of the listeners' configuration while running, applied or refused")
			.tag("result", result)
			.register(registry);
	}

	@Override
	public void setApplicationContext(ApplicationContext context) {
		this.context = context;
	}

	/** Its own context's refresh and close only, not a child's (Actuator's own port). */
	@Override
	public void onApplicationEvent(ApplicationContextEvent event) {
		if (event.getApplicationContext() != this.context) {
			return;
		}
		if (event instanceof ContextRefreshedEvent) {
			start();
		}
		else if (event instanceof ContextClosedEvent) {
			stop();
		}
	}

	private void start() {
		if (!this.properties.enabled() || this.watching != null) {
			return;
		}
		Path file = this.properties.file();
		if (file == null || sourcesOf(file).isEmpty()) {
			throw new IllegalStateException("wharf.reload.enabled needs wharf.reload.file to name a configuration "
					+ "file Spring Boot read at start-up (such as /etc/wharf/application.yml with "
					+ "spring.config.additional-location=file:/etc/wharf/); it is " + file);
		}
		this.content = read(file);
		this.applied = changes(this.registry, "applied");
		this.refused = changes(this.registry, "refused");
		ScheduledExecutorService executor = Executors.newSingleThreadScheduledExecutor((task) -> {
			Thread thread = new Thread(task, "wharf-reload");
			thread.setDaemon(true);
			return thread;
		});
		long interval = this.properties.interval().toMillis();
		executor.scheduleWithFixedDelay(() -> check(file), interval, interval, TimeUnit.MILLISECONDS);
		this.watching = executor;
		logger.info("Watching " + file + " every " + interval + " ms for listener changes (wharf.reload)");
	}

	/** Looks at the file; applies its listeners when its content changed. */
	void check(Path file) {
		byte[] now = read(file);
		if (now == null || Arrays.equals(now, this.content)) {
			return;
		}
		this.content = now;
		try {
			ListenersProperties next = bind(file, now);
			ListenerChange change = this.listeners.apply(next);
			if (!change.isEmpty()) {
				count(this.applied);
				logger.info("Listener configuration changed (" + file + "): " + change);
			}
		}
		catch (RuntimeException ex) {
			count(this.refused);
			logger.error("Listener configuration change refused (" + file + "); the running listeners are kept: "
					+ describe(ex));
		}
	}

	private static void count(@Nullable Counter changes) {
		if (changes != null) {
			changes.increment();
		}
	}

	/** The file's bytes, or null while it cannot be read (a ConfigMap being swapped). */
	private static byte @Nullable [] read(Path file) {
		try {
			return Files.readAllBytes(file);
		}
		catch (NoSuchFileException ex) {
			return null;
		}
		catch (IOException ex) {
			logger.warn("Cannot read " + file + " for listener changes: " + ex.getMessage());
			return null;
		}
	}

	/**
	 * Binds and checks {@code wharf.*} with the file's new content in place of its old.
	 */
	private ListenersProperties bind(Path file, byte[] content) {
		MutablePropertySources sources = new MutablePropertySources();
		List<PropertySource<?>> fresh = load(file, content);
		boolean replaced = false;
		for (PropertySource<?> source : this.environment.getPropertySources()) {
			if (!isOf(source, file)) {
				sources.addLast(source);
			}
			else if (!replaced) {
				fresh.forEach(sources::addLast);
				replaced = true;
			}
		}
		ListenersProperties next = new Binder(ConfigurationPropertySources.from(sources),
				new PropertySourcesPlaceholdersResolver(sources), this.conversions)
			.bindOrCreate("wharf", Bindable.of(ListenersProperties.class));
		BeanPropertyBindingResult errors = new BeanPropertyBindingResult(next, "wharf");
		next.validate(next, errors);
		if (errors.hasErrors()) {
			throw new IllegalArgumentException(errors.getAllErrors()
				.stream()
				.map((error) -> ((error instanceof FieldError field) ? "wharf." + field.getField() + ": " : "")
						+ error.getDefaultMessage())
				.collect(Collectors.joining("; ")));
		}
		return next;
	}

	private List<PropertySource<?>> load(Path file, byte[] content) {
		String name = sourcesOf(file).get(0).getName();
		try {
			// The content compared, not the file again: it may have changed since.
			return new ArrayList<>(
					new YamlPropertySourceLoader().load(name, new ByteArrayResource(content, file.toString())));
		}
		catch (IOException ex) {
			throw new IllegalArgumentException("cannot read " + file + ": " + ex.getMessage(), ex);
		}
	}

	private List<PropertySource<?>> sourcesOf(Path file) {
		return this.environment.getPropertySources().stream().filter((source) -> isOf(source, file)).toList();
	}

	/**
	 * Spring Boot names a file's property sources after it: "... 'file
	 * [/etc/wharf/application.yml]' ...".
	 */
	private static boolean isOf(PropertySource<?> source, Path file) {
		return source.getName().contains("[" + file.toAbsolutePath().normalize() + "]")
				|| source.getName().contains("[" + file + "]");
	}

	/**
	 * The message a person acts on: which property failed to bind, and the innermost
	 * cause, which says why ("'json' is not one of: raw, line, ...").
	 */
	private static String describe(Throwable failure) {
		Throwable root = failure;
		while (root.getCause() != null && root.getCause() != root) {
			root = root.getCause();
		}
		String first = (failure instanceof BindException bind) ? "Failed to bind " + bind.getName()
				: String.valueOf(failure.getMessage());
		return (root == failure) ? first : first + ": " + root.getMessage();
	}

	private void stop() {
		ScheduledExecutorService executor = this.watching;
		if (executor != null) {
			executor.shutdownNow();
			this.watching = null;
		}
	}

}
