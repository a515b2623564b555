package io.wharf.cluster;

import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

import io.wharf.RedisServer;
import io.wharf.api.SessionInfo;
import io.wharf.observe.Prometheus;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The dashboard's Cluster row: with two instances on a real Redis, a real Prometheus
 * scraping both, and sends between them, every query of the row returns data.
 */
class ClusterDashboardQueriesTests {

	@TempDir
	Path work;

	@Test
	void everyClusterPanelQueryReturnsData() throws Exception {
		List<String> web = List.of("spring.main.web-application-type=servlet", "server.port=0");
		try (RedisServer redis = RedisServer.start(null);
				ClusterInstance a = ClusterInstance.startWith("a", withRedis(redis, web));
				ClusterInstance b = ClusterInstance.startWith("b", withRedis(redis, web));
				LineClient onB = new LineClient(b.port())) {
			SessionInfo session = ClusterFailureTests.sessionOf(a, onB);
			for (int n = 0; n < 10; n++) {
				a.sessions().send(session.id(), ("n" + n).getBytes()).toCompletableFuture().join();
				assertThat(onB.readLine()).isEqualTo("n" + n);
			}
			try (Prometheus prometheus = Prometheus.scraping(this.work, port(a), port(b))) {
				List<String> queries = Prometheus.dashboardQueries((row) -> row.equals("Cluster"));
				assertThat(queries).hasSizeGreaterThanOrEqualTo(6);
				prometheus.assertReturnData(queries);
			}
		}
	}

	private static List<String> withRedis(RedisServer redis, List<String> more) {
		return Stream.concat(Stream.of("spring.data.redis.url=" + redis.url()), more.stream()).toList();
	}

	private static int port(ClusterInstance instance) {
		return Integer.parseInt(instance.property("local.server.port"));
	}

}
