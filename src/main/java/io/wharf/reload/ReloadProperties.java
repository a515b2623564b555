package io.wharf.reload;

import java.nio.file.Path;
import java.time.Duration;

import org.jspecify.annotations.Nullable;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Listener changes without a restart (docs/operations.md).
 *
 * @param enabled Whether a change of the watched file's listeners is applied while Wharf
 * runs: added listeners are bound, removed ones drained and unbound, new timeouts taken
 * in place, other changed listeners drained and bound anew; every other listener's
 * sessions go on.
 * @param file The configuration file to watch, one Spring Boot reads (such as the chart's
 * /etc/wharf/application.yml); required with enabled.
 * @param interval How often the file is looked at.
 */
@ConfigurationProperties("wharf.reload")
public record ReloadProperties(@DefaultValue("false") boolean enabled, @Nullable Path file,
		@DefaultValue("5s") Duration interval) {

}
