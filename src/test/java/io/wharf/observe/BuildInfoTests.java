package io.wharf.observe;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;

import com.jayway.jsonpath.JsonPath;
import io.wharf.WharfTest;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Value;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;
import static org.junit.jupiter.api.Assumptions.abort;

/**
 * What an operator asks a running server first: which build is this, from which commit,
 * made of which libraries.
 */
@WharfTest
class BuildInfoTests {

	@Value("${local.server.port}")
	private int httpPort;

	@Test
	void infoNamesTheBuildAndTheCommit() throws Exception {
		String info = get("/actuator/info").body();
		assertThat(JsonPath.<String>read(info, "$.build.artifact")).isEqualTo("wharf");
		assertThat(JsonPath.<String>read(info, "$.git.commit.id")).matches("[0-9a-f]{7,40}");
	}

	@Test
	void theSbomListsTheLibraries() throws Exception {
		if (getClass().getResource("/META-INF/sbom/application.cdx.json") == null) {
			// The CycloneDX plugin skips an offline build (./mvnw -o); CI builds online.
			if ("true".equals(System.getenv("CI"))) {
				fail("no SBOM was generated (META-INF/sbom/application.cdx.json)");
			}
			abort("no SBOM: the build ran offline, where the CycloneDX plugin skips");
		}
		HttpResponse<String> sbom = get("/actuator/sbom/application");
		assertThat(sbom.statusCode()).isEqualTo(200);
		assertThat(JsonPath.<String>read(sbom.body(), "$.bomFormat")).isEqualTo("CycloneDX");
		assertThat(sbom.body()).contains("\"name\" : \"netty-handler\"");
	}

	private HttpResponse<String> get(String path) throws Exception {
		return HttpClient.newHttpClient()
			.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + this.httpPort + path)).build(),
					HttpResponse.BodyHandlers.ofString());
	}

}
