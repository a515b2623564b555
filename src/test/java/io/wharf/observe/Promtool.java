package io.wharf.observe;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

import io.wharf.RequiredTool;

import static org.assertj.core.api.Assertions.fail;

/**
 * Runs Debian's {@code promtool}. Tests that need it skip where it is missing, unless
 * {@code -Dwharf.prometheus.required=true} or {@code CI=true}, where they fail instead.
 */
final class Promtool {

	private Promtool() {
	}

	static void require() {
		RequiredTool.require("wharf.prometheus.required", "prometheus", "promtool", "--version");
	}

	/**
	 * The exit code and combined output of {@code promtool args...}, fed {@code stdin}.
	 */
	static Result run(String stdin, Path directory, String... args) throws IOException, InterruptedException {
		List<String> command = new ArrayList<>(List.of("promtool"));
		command.addAll(List.of(args));
		Process process = new ProcessBuilder(command).directory(directory.toFile()).redirectErrorStream(true).start();
		process.getOutputStream().write(stdin.getBytes(StandardCharsets.UTF_8));
		process.getOutputStream().close();
		String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
		if (!process.waitFor(60, TimeUnit.SECONDS)) {
			process.destroyForcibly();
			fail("promtool " + args[0] + " did not finish");
		}
		return new Result(process.exitValue(), output);
	}

	record Result(int exitCode, String output) {

	}

}
