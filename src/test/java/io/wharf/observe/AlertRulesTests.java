package io.wharf.observe;

import java.nio.file.Path;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The alert rules shipped with the chart pass {@code promtool check rules}, and their
 * unit tests (each alert firing and not firing) pass {@code promtool test rules}.
 */
class AlertRulesTests {

	private static final Path FILES = Path.of("helm", "wharf", "files");

	@BeforeAll
	static void requirePromtool() {
		Promtool.require();
	}

	@Test
	void rulesAreValid() throws Exception {
		Promtool.Result result = Promtool.run("", FILES, "check", "rules", "alerts.yaml");
		assertThat(result.exitCode()).as(result.output()).isZero();
		assertThat(result.output()).contains("SUCCESS: 31 rules found");
	}

	@Test
	void everyAlertFiresAndStaysQuietAsItsUnitTestsSay() throws Exception {
		Promtool.Result result = Promtool.run("", FILES, "test", "rules", "alerts-tests.yaml");
		assertThat(result.exitCode()).as(result.output()).isZero();
		assertThat(result.output()).contains("SUCCESS");
	}

}
