package example.chat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.URL;
import java.time.Duration;
import java.util.Collections;
import java.util.List;

import io.wharf.test.WharfClient;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.core.env.Environment;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * The room over real sockets, on the listener its application.yml declares, and the
 * application's own identity: Wharf brings no build info or SBOM of its own.
 */
@ExtendWith(OutputCaptureExtension.class)
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = "wharf.listeners.chat.port=0")
class ChatTests {

	@Autowired
	private Environment environment;

	@Value("${local.server.port}")
	private int httpPort;

	@Test
	void aChatRoomOverSockets() {
		try (WharfClient ada = member("ada"); WharfClient bob = member("bob")) {
			assertThat(ada.receive()).isEqualTo("* bob joined");
			bob.send("hi ada");
			assertThat(ada.receive()).isEqualTo("bob: hi ada");
			ada.send("/who");
			assertThat(ada.receive()).isEqualTo("members: ada, bob");
			bob.send("/quit");
			assertThat(bob.receive()).isEqualTo("Bye, bob!");
			assertThat(bob.closedByServer()).isTrue();
			assertThat(ada.receive()).isEqualTo("* bob left");
		}
	}

	@Test
	void wharfsJarCarriesNoIdentityOfItsOwn() throws Exception {
		for (String resource : List.of("git.properties", "META-INF/build-info.properties",
				"META-INF/sbom/application.cdx.json")) {
			List<URL> found = Collections.list(getClass().getClassLoader().getResources(resource));
			assertThat(found).as(resource).noneMatch((url) -> url.toString().contains("/wharf-"));
		}
		assertThat(get("/actuator/info")).contains("\"artifact\":\"chat\"").doesNotContain("\"artifact\":\"wharf\"");
	}

	@Test
	void theSbomIsTheApplications() throws Exception {
		// CycloneDX needs Maven online; an offline build has no SBOM to check (CI builds online).
		boolean built = getClass().getClassLoader().getResource("META-INF/sbom/application.cdx.json") != null;
		assumeTrue(built || "true".equals(System.getenv("CI")), "built offline: no SBOM");
		assertThat(get("/actuator/sbom/application")).contains("\"name\" : \"chat\"")
			.contains("pkg:maven/example/chat@1.0.0");
	}

	@Test
	void wharfJoinsTheApplicationsActuator() throws Exception {
		assertThat(get("/actuator/sockets")).contains("\"chat\"");
	}

	@Test
	void startsQuietlyWithOneLineOfWharfNews(CapturedOutput output) {
		try (ConfigurableApplicationContext context = new SpringApplicationBuilder(ChatApplication.class)
			.run("--wharf.listeners.chat.port=0", "--server.port=0")) {
			assertThat(output).contains("Serving 1 listener:")
				.doesNotContain("o.s.i.")
				.doesNotContain("o.s.integration")
				.doesNotContain("org.springframework.integration");
		}
	}

	private WharfClient member(String nick) {
		WharfClient member = WharfClient.connect(this.environment, "chat");
		assertThat(member.receive()).isEqualTo("Welcome! Who are you?");
		member.send(nick);
		assertThat(member.receive()).startsWith("Hello " + nick + "!");
		return member;
	}

	private String get(String path) throws Exception {
		HttpResponse<String> response = await().atMost(Duration.ofSeconds(10))
			.until(() -> HttpClient.newHttpClient()
				.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + this.httpPort + path)).build(),
						HttpResponse.BodyHandlers.ofString()), (answer) -> answer.statusCode() == 200);
		return response.body();
	}

}
