package io.wharf.observe.tracing;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Whether Wharf's sessions and messages are traced (docs/observability.md#traces).
 *
 * @param enabled Whether each session and each message a service handles is an
 * observation that the application's Micrometer Tracing makes a span (sampled by
 * management.tracing.sampling.probability, exported where
 * management.opentelemetry.tracing.export.otlp.endpoint says), with the trace and span
 * ids on the session's log lines. Off, the message path makes no observation at all.
 */
@ConfigurationProperties("wharf.tracing")
public record TracingProperties(@DefaultValue("false") boolean enabled) {

}
