package io.wharf;

import java.io.IOException;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.fail;
import static org.junit.jupiter.api.Assumptions.abort;

/**
 * A command-line tool some tests drive as a user would (python3, promtool, haproxy,
 * openssl): where it is missing they skip, unless its
 * {@code -Dwharf.<tool>.required=true} or {@code CI=true} says it must be there, where
 * they fail instead.
 */
public final class RequiredTool {

	private RequiredTool() {
	}

	/**
	 * Skips the calling test (or fails it in CI) when the tool does not run.
	 * @param property the system property that makes it mandatory, such as
	 * {@code wharf.python.required}
	 * @param debianPackage the package CI installs it from
	 * @param probe a command that succeeds where the tool is installed, such as
	 * {@code python3 --version}
	 */
	public static void require(String property, String debianPackage, String... probe) {
		if (runs(probe)) {
			return;
		}
		if (Boolean.getBoolean(property) || "true".equals(System.getenv("CI"))) {
			fail(probe[0] + " is required (" + property + "=true or CI=true) but was not found on PATH");
		}
		abort(probe[0] + " not found; these tests run in CI (apt-get install " + debianPackage + ")");
	}

	private static boolean runs(String... probe) {
		try {
			Process process = new ProcessBuilder(probe).redirectErrorStream(true).start();
			process.getInputStream().readAllBytes();
			return process.waitFor(30, TimeUnit.SECONDS) && process.exitValue() == 0;
		}
		catch (IOException ex) {
			return false;
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			return false;
		}
	}

}
