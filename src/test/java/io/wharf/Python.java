package io.wharf;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.fail;

/**
 * Runs Python scripts as a user would. Tests that need python3 skip where it is missing,
 * unless {@code -Dwharf.python.required=true} or {@code CI=true}, where they fail
 * instead.
 */
public final class Python {

	private Python() {
	}

	/**
	 * Skips the calling test (or fails it in CI) when python3 is not on the PATH.
	 */
	public static void require() {
		RequiredTool.require("wharf.python.required", "python3", "python3", "--version");
	}

	/**
	 * Runs a script to its end (30 seconds at most).
	 * @param environment variables added to the script's environment
	 * @param stdin what the script reads
	 * @param script the script's path
	 * @param args its arguments
	 * @return what it printed, stdout and stderr merged
	 * @throws IOException if python3 cannot start
	 * @throws InterruptedException if interrupted while waiting
	 */
	public static Result run(Map<String, String> environment, String stdin, String script, String... args)
			throws IOException, InterruptedException {
		List<String> command = new ArrayList<>(List.of("python3", script));
		command.addAll(List.of(args));
		ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true);
		builder.environment().putAll(environment);
		Process process = builder.start();
		process.getOutputStream().write(stdin.getBytes(StandardCharsets.UTF_8));
		process.getOutputStream().close();
		if (!process.waitFor(30, TimeUnit.SECONDS)) {
			process.destroyForcibly();
			fail(script + " did not finish in 30 seconds");
		}
		return new Result(process.exitValue(),
				new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8));
	}

	/**
	 * How a script ended.
	 *
	 * @param exitCode the process's exit code
	 * @param output stdout and stderr
	 */
	public record Result(int exitCode, String output) {

	}

}
