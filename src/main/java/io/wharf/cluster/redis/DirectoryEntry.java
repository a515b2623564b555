package io.wharf.cluster.redis;

import java.net.URLDecoder;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.stream.Collectors;

import io.wharf.api.SessionInfo;
import io.wharf.conversation.SessionHandle;

/**
 * One session in the directory, as text: the client's address and port, when the session
 * opened (epoch milliseconds) and its attributes as {@code name=value} pairs joined by
 * {@code &} (URL-encoded), separated by tabs.
 */
final class DirectoryEntry {

	private DirectoryEntry() {
	}

	static String of(SessionHandle session) {
		String attributes = session.attributes()
			.entrySet()
			.stream()
			.map((attribute) -> encode(attribute.getKey()) + "=" + encode(attribute.getValue()))
			.collect(Collectors.joining("&"));
		return session.remoteAddress().getAddress().getHostAddress() + ":" + session.remoteAddress().getPort() + "\t"
				+ session.openedAt().toEpochMilli() + "\t" + attributes;
	}

	static SessionInfo parse(String id, String listener, String instance, String entry) {
		String[] fields = entry.split("\t", 3);
		Map<String, String> attributes = new LinkedHashMap<>();
		if (fields.length > 2 && !fields[2].isEmpty()) {
			for (String pair : fields[2].split("&")) {
				int equals = pair.indexOf('=');
				if (equals > 0) {
					attributes.put(decode(pair.substring(0, equals)), decode(pair.substring(equals + 1)));
				}
			}
		}
		Instant opened = (fields.length > 1) ? Instant.ofEpochMilli(parseOr(fields[1])) : Instant.EPOCH;
		return new SessionInfo(id, listener, instance, fields[0], opened, Map.copyOf(attributes));
	}

	private static long parseOr(String millis) {
		try {
			return Long.parseLong(millis);
		}
		catch (NumberFormatException ex) {
			return 0;
		}
	}

	private static String encode(String text) {
		return URLEncoder.encode(text, StandardCharsets.UTF_8);
	}

	private static String decode(String text) {
		return URLDecoder.decode(text, StandardCharsets.UTF_8);
	}

}
