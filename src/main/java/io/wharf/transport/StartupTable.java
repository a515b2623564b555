package io.wharf.transport;

import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import io.wharf.config.LimitsText;
import io.wharf.config.ListenerProperties;
import io.wharf.config.Protocol;

/**
 * The start-up table of what is served: listener, protocol, address and port, service and
 * framing, one row per listener, in columns, by port; then the per-client limits in
 * force, one line per set of listeners that share them.
 */
final class StartupTable {

	private static final String[] HEADINGS = { "listener", "protocol", "address", "service", "framing" };

	private StartupTable() {
	}

	static String of(Collection<BoundListener> listeners) {
		List<String[]> rows = new ArrayList<>();
		rows.add(HEADINGS);
		List<BoundListener> byPort = new ArrayList<>(listeners);
		byPort.sort(Comparator.comparingInt(BoundListener::localPort)
			.thenComparing((listener) -> listener.properties().requiredProtocol()));
		for (BoundListener listener : byPort) {
			ListenerProperties properties = listener.properties();
			String host = (properties.bindAddress() != null) ? properties.bindAddress() : "*";
			String protocol = properties.requiredProtocol().label()
					+ (properties.ssl().enabled() ? "+tls (" + properties.ssl().bundle() + ")" : "");
			rows.add(new String[] { listener.name(), protocol, host + ":" + listener.localPort(),
					properties.requiredService(),
					(properties.requiredProtocol() == Protocol.TCP) ? properties.framing().describe() : "datagram" });
		}
		int[] widths = new int[HEADINGS.length];
		rows.forEach((row) -> {
			for (int i = 0; i < row.length; i++) {
				widths[i] = Math.max(widths[i], row[i].length());
			}
		});
		StringBuilder table = new StringBuilder(
				"Serving " + listeners.size() + ((listeners.size() == 1) ? " listener:" : " listeners:"));
		for (String[] row : rows) {
			table.append(System.lineSeparator()).append("  ");
			for (int i = 0; i < row.length - 1; i++) {
				table.append(String.format("%-" + widths[i] + "s", row[i])).append("  ");
			}
			table.append(row[row.length - 1]);
		}
		Map<String, List<String>> limits = new LinkedHashMap<>();
		for (BoundListener listener : byPort) {
			limits.computeIfAbsent(LimitsText.inForce(listener.properties()), (key) -> new ArrayList<>())
				.add(listener.name());
		}
		if (!limits.isEmpty()) {
			table.append(System.lineSeparator()).append("Client limits (wharf.listeners.<name>.*, docs/security.md):");
			limits.forEach((inForce, names) -> table.append(System.lineSeparator())
				.append("  ")
				.append(String.join(", ", names))
				.append(": ")
				.append(inForce));
		}
		return table.toString();
	}

}
