package io.wharf.api;

import java.time.Instant;
import java.util.Map;

/**
 * An open session as the cluster's directory knows it, wherever it lives; in a single
 * process, every session is on this instance.
 *
 * @param id the session's id
 * @param listener the listener it arrived on
 * @param instance the id of the instance holding it
 * @param remote the client's address and port, as text
 * @param openedAt when it opened
 * @param attributes its attributes (see {@link Session#attribute(String, String)})
 */
public record SessionInfo(String id, String listener, String instance, String remote, Instant openedAt,
		Map<String, String> attributes) {

}
