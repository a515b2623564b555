package io.wharf.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import jdk.jfr.consumer.RecordedEvent;
import jdk.jfr.consumer.RecordedFrame;
import jdk.jfr.consumer.RecordedStackTrace;
import jdk.jfr.consumer.RecordingFile;

/**
 * What a server spent a scenario on, from the measured window of a flight recording that
 * ran since the server started ({@code --profile SCENARIO}): the methods on top of the
 * CPU samples, and the classes and allocating methods by sampled bytes, per operation.
 * Written as short text tables beside the results.
 */
final class Profile {

	private static final int TOP = 15;

	private Profile() {
	}

	/**
	 * Summarises a recording.
	 * @param recording the JFR file
	 * @param from the start of the measured window
	 * @param to its end
	 * @param operations what the load completed in the window
	 * @param title what was recorded, e.g. {@code wharf-netty pipelined-line-100x8}
	 * @return the tables, as Markdown
	 */
	static String summarise(Path recording, Instant from, Instant to, long operations, String title)
			throws IOException {
		Map<String, Long> cpu = new HashMap<>();
		Map<String, Long> allocatedByClass = new HashMap<>();
		Map<String, Long> allocatedByFrame = new HashMap<>();
		long samples = 0;
		long bytes = 0;
		for (RecordedEvent event : RecordingFile.readAllEvents(recording)) {
			if (event.getStartTime().isBefore(from) || event.getStartTime().isAfter(to)) {
				continue;
			}
			String type = event.getEventType().getName();
			if (type.equals("jdk.ExecutionSample")) {
				samples++;
				cpu.merge(topFrame(event.getStackTrace()), 1L, Long::sum);
			}
			else if (type.equals("jdk.ObjectAllocationSample")) {
				long weight = event.getLong("weight");
				bytes += weight;
				allocatedByClass.merge(event.getClass("objectClass").getName(), weight, Long::sum);
				allocatedByFrame.merge(topFrame(event.getStackTrace()), weight, Long::sum);
			}
		}
		StringBuilder text = new StringBuilder();
		text.append(String.format(Locale.ROOT,
				"### %s%n%n%,d CPU samples; %,.0f bytes allocated per operation "
						+ "(%,d operations)%n%n| top frame | CPU samples |%n|---|---|%n",
				title, samples, bytes / (double) Math.max(1, operations), operations));
		for (Map.Entry<String, Long> entry : top(cpu)) {
			text.append(String.format(Locale.ROOT, "| `%s` | %.1f %% |%n", entry.getKey(),
					100.0 * entry.getValue() / Math.max(1, samples)));
		}
		text.append(String.format(Locale.ROOT, "%n| allocated class | bytes per operation |%n|---|---|%n"));
		for (Map.Entry<String, Long> entry : top(allocatedByClass)) {
			text.append(String.format(Locale.ROOT, "| `%s` | %,.0f |%n", entry.getKey(),
					entry.getValue() / (double) Math.max(1, operations)));
		}
		text.append(String.format(Locale.ROOT, "%n| allocating method | bytes per operation |%n|---|---|%n"));
		for (Map.Entry<String, Long> entry : top(allocatedByFrame)) {
			text.append(String.format(Locale.ROOT, "| `%s` | %,.0f |%n", entry.getKey(),
					entry.getValue() / (double) Math.max(1, operations)));
		}
		return text.append(System.lineSeparator()).toString();
	}

	private static List<Map.Entry<String, Long>> top(Map<String, Long> counts) {
		List<Map.Entry<String, Long>> entries = new ArrayList<>(counts.entrySet());
		entries.sort(Map.Entry.<String, Long>comparingByValue().reversed());
		return entries.subList(0, Math.min(TOP, entries.size()));
	}

	private static String topFrame(RecordedStackTrace stack) {
		if (stack == null || stack.getFrames().isEmpty()) {
			return "(no stack)";
		}
		RecordedFrame frame = stack.getFrames().get(0);
		String type = frame.getMethod().getType().getName();
		return type.substring(type.lastIndexOf('.') + 1) + "." + frame.getMethod().getName();
	}

	/**
	 * Appends a summary to the profiles file beside the results.
	 * @param out the results directory
	 * @param summary a summary
	 */
	static void write(Path out, String summary) throws IOException {
		Path file = out.resolve("profiles.md");
		Files.writeString(file, summary, java.nio.file.StandardOpenOption.CREATE,
				java.nio.file.StandardOpenOption.APPEND);
	}

}
