package io.wharf.chart;

import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;
import io.fabric8.kubernetes.api.model.Container;
import io.fabric8.kubernetes.api.model.EnvVar;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalStateException;

/**
 * Cluster mode from the chart: every pod joins the cluster as its own name, on the Redis
 * the values name, with its password from a Secret and TLS from another; off by default,
 * where nothing of Redis is rendered.
 */
class ClusterChartTests {

	@Test
	void offByDefault() {
		Manifests defaults = HelmChart.render(null);
		JsonNode config = RenderedConfig.of(defaults).tree();
		assertThat(config.path("wharf").has("cluster")).isFalse();
		assertThat(config.path("spring").has("data")).isFalse();
		assertThat(container(defaults).getEnv()).extracting(EnvVar::getName)
			.doesNotContain("SPRING_DATA_REDIS_PASSWORD");
	}

	@Test
	void theScenarioJoinsEveryPodAsItsOwnNameWithThePasswordAndTlsFromSecrets() {
		Manifests manifests = HelmChart.render("cluster-values.yaml");
		JsonNode config = RenderedConfig.of(manifests).tree();
		JsonNode cluster = config.path("wharf").path("cluster");
		assertThat(cluster.path("enabled").asBoolean()).isTrue();
		assertThat(cluster.path("instance-id").asText()).isEqualTo("${POD_NAME}");
		assertThat(cluster.path("name").asText()).isEqualTo("edge-wharf");
		assertThat(cluster.path("send-timeout").asText()).isEqualTo("2s");
		JsonNode redis = config.path("spring").path("data").path("redis");
		assertThat(redis.path("url").asText()).isEqualTo("rediss://redis-master.redis.svc:6379");
		assertThat(redis.path("ssl").path("bundle").asText()).isEqualTo("wharf-redis");
		assertThat(config.path("spring")
			.path("ssl")
			.path("bundle")
			.path("pem")
			.path("wharf-redis")
			.path("truststore")
			.path("certificate")
			.asText()).isEqualTo("file:/etc/wharf-redis-tls/ca.crt");
		Container wharf = container(manifests);
		assertThat(wharf.getEnv()).filteredOn((env) -> env.getName().equals("SPRING_DATA_REDIS_PASSWORD"))
			.singleElement()
			.satisfies((env) -> {
				assertThat(env.getValueFrom().getSecretKeyRef().getName()).isEqualTo("wharf-redis");
				assertThat(env.getValueFrom().getSecretKeyRef().getKey()).isEqualTo("redis-password");
			});
		assertThat(wharf.getEnv()).extracting(EnvVar::getName).contains("POD_NAME");
		assertThat(wharf.getVolumeMounts()).anySatisfy((mount) -> {
			assertThat(mount.getName()).isEqualTo("redis-tls");
			assertThat(mount.getReadOnly()).isTrue();
		});
		assertThat(manifests.one(Deployment.class).getSpec().getTemplate().getSpec().getVolumes())
			.filteredOn((volume) -> volume.getName().equals("redis-tls"))
			.singleElement()
			.satisfies((volume) -> assertThat(volume.getSecret().getSecretName()).isEqualTo("wharf-redis-ca"));
	}

	@Test
	void clusterModeWithoutARedisIsRefused() {
		assertThatIllegalStateException().isThrownBy(() -> HelmChart.render(null, Map.of("cluster.enabled", true)))
			.withMessageContaining("values don't meet the specifications of the schema")
			.withMessageContaining("url");
	}

	private static Container container(Manifests manifests) {
		return manifests.one(Deployment.class).getSpec().getTemplate().getSpec().getContainers().get(0);
	}

}
