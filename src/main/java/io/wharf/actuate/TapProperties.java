package io.wharf.actuate;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.util.unit.DataSize;

/**
 * What {@code /actuator/tap} may show of a session's frames (docs/operations.md).
 *
 * @param enabled Whether an operator may tap a session at all; the tap shows payloads, so
 * it also needs the endpoint exposed and its access unrestricted.
 * @param maxFrames Frames one tap shows at most, whatever it asks for.
 * @param maxBytes Payload bytes one tap shows at most, over all its frames; the frame
 * that reaches it is cut.
 * @param maxDuration How long one tap may wait for frames at most, whatever it asks for.
 */
@ConfigurationProperties("wharf.tap")
public record TapProperties(@DefaultValue("false") boolean enabled, @DefaultValue("1000") int maxFrames,
		@DefaultValue("64KB") DataSize maxBytes, @DefaultValue("60s") Duration maxDuration) {

}
