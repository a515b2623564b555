package io.wharf.observe;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Every alert's runbook_url names a section of docs/runbooks.md that exists; every alert
 * keeps namespace, pod and job in its aggregations, but the objectives', which take a
 * listener's pods together and keep namespace, job and listener.
 */
class RunbooksTests {

	@Test
	void everyAlertLinksToItsRunbookSection() throws Exception {
		String alerts = Files.readString(Path.of("helm", "wharf", "files", "alerts.yaml"));
		String runbooks = Files.readString(Path.of("docs", "runbooks.md"));
		Matcher names = Pattern.compile("- alert: (\\w+)").matcher(alerts);
		List<String> anchors = runbooks.lines()
			.filter((line) -> line.startsWith("## "))
			.map((line) -> line.substring(3).strip().toLowerCase(Locale.ROOT))
			.toList();
		int count = 0;
		while (names.find()) {
			String name = names.group(1);
			assertThat(alerts).contains("runbook_url: \"docs/runbooks.md#" + name.toLowerCase(Locale.ROOT) + "\"");
			assertThat(anchors).as("a section for " + name).contains(name.toLowerCase(Locale.ROOT));
			count++;
		}
		assertThat(count).isEqualTo(15);
		int objectives = alerts.indexOf("- name: wharf-slo");
		assertThat(objectives).isPositive();
		Matcher aggregations = Pattern.compile("(sum|min|max) by \\(([^)]*)\\)").matcher(alerts);
		while (aggregations.find()) {
			assertThat(aggregations.group(2)).as(aggregations.group())
				.contains((aggregations.start() < objectives) ? List.of("namespace", "pod", "job")
						: List.of("namespace", "job", "listener"));
		}
	}

}
