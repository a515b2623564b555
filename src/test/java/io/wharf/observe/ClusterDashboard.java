package io.wharf.observe;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/** The dashboard's Cluster row, checked against a real Prometheus. */
public final class ClusterDashboard {

	private ClusterDashboard() {
	}

	/**
	 * Scrapes the instances and checks every query of the Cluster row returns data.
	 * @param work a directory for Prometheus
	 * @param httpPorts the instances' Actuator ports
	 */
	public static void assertEveryQueryReturnsData(Path work, int... httpPorts) throws Exception {
		try (Prometheus prometheus = Prometheus.scraping(work, httpPorts)) {
			List<String> queries = Prometheus.dashboardQueries((row) -> row.equals("Cluster"));
			assertThat(queries).hasSizeGreaterThanOrEqualTo(6);
			for (String query : queries) {
				await().atMost(Duration.ofSeconds(30))
					.pollInterval(Duration.ofMillis(500))
					.ignoreExceptionsInstanceOf(IOException.class)
					.untilAsserted(() -> assertThat(prometheus.results(query)).as(query).isNotEmpty());
			}
		}
	}

}
