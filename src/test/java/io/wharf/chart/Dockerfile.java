package io.wharf.chart;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * The project's Dockerfile read as instructions: one per line, continuations joined,
 * comments dropped.
 *
 * @param instructions the instructions in order
 */
record Dockerfile(List<String> instructions) {

	static Dockerfile read() {
		try {
			String text = Files.readString(Path.of("Dockerfile")).replaceAll("\\\\\\n\\s*", " ");
			return new Dockerfile(text.lines()
				.map(String::strip)
				.filter((line) -> !line.isEmpty() && !line.startsWith("#"))
				.toList());
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	/**
	 * The arguments of every instruction of one kind.
	 * @param instruction e.g. {@code EXPOSE}
	 * @return each such instruction's arguments, in order
	 */
	List<String> arguments(String instruction) {
		return this.instructions.stream()
			.filter((line) -> line.startsWith(instruction + " "))
			.map((line) -> line.substring(instruction.length() + 1).strip())
			.toList();
	}

	/**
	 * The AOT cache training start.
	 * @return the RUN command that writes the AOT cache, split into its words
	 */
	List<String> trainingRun() {
		String command = arguments("RUN").stream()
			.filter((run) -> run.contains("-XX:AOTCacheOutput="))
			.findFirst()
			.orElseThrow(() -> new IllegalStateException("no RUN writes an AOT cache"));
		return List.of(command.split("\\s+"));
	}

	/**
	 * The exec-form ENTRYPOINT.
	 * @return the command and its arguments
	 */
	List<String> entrypoint() {
		try {
			return List.of(new ObjectMapper().readValue(arguments("ENTRYPOINT").get(0), String[].class));
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	/**
	 * Whether a flag of the image's JDK 25 has no meaning on the JDK 17 the tests start
	 * the image's layout with: the AOT cache and compact object headers.
	 * @param flag a word of the training start or the ENTRYPOINT
	 * @return true to leave it out there
	 */
	static boolean jdk25Only(String flag) {
		return flag.startsWith("-XX:AOTCache=") || flag.equals("-XX:+UseCompactObjectHeaders");
	}

}
