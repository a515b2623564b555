package example.kv;

import io.wharf.test.WharfClient;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.core.env.Environment;
import org.springframework.util.ClassUtils;

import static org.assertj.core.api.Assertions.assertThat;

/** The store over real sockets, on the listener its application.yml declares. */
@SpringBootTest(properties = "wharf.listeners.kv.port=0")
class KvStoreTests {

	@Autowired
	private Environment environment;

	@Test
	void setGetAndDelete() {
		try (WharfClient client = connect()) {
			assertThat(ask(client, "SET colour blue")).isEqualTo("OK");
			assertThat(ask(client, "GET colour")).isEqualTo("blue");
			assertThat(ask(client, "DEL colour")).isEqualTo("1");
			assertThat(ask(client, "GET colour")).isEqualTo("NIL");
			assertThat(ask(client, "FLY")).isEqualTo("ERR unknown command FLY");
			assertThat(ask(client, "QUIT")).isEqualTo("BYE");
			assertThat(client.closedByServer()).isTrue();
		}
	}

	@Test
	void watchersAreToldOfChangesMadeByOthers() {
		try (WharfClient watcher = connect(); WharfClient bystander = connect(); WharfClient writer = connect()) {
			assertThat(ask(watcher, "WATCH door")).isEqualTo("WATCHING door");
			assertThat(ask(bystander, "WATCH window")).isEqualTo("WATCHING window");
			assertThat(ask(writer, "SET door open")).isEqualTo("OK");
			assertThat(watcher.receive()).isEqualTo("CHANGED door open");
			assertThat(ask(writer, "DEL door")).isEqualTo("1");
			assertThat(watcher.receive()).isEqualTo("DELETED door");
			assertThat(ask(writer, "SET window shut")).isEqualTo("OK");
			// The window's watcher hears of the window only; nothing about the door came before it.
			assertThat(bystander.receive()).isEqualTo("CHANGED window shut");
		}
	}

	@Test
	void wharfDoesNotTurnTheApplicationIntoAWebApplication() {
		assertThat(ClassUtils.isPresent("org.apache.catalina.startup.Tomcat", null)).isFalse();
	}

	private WharfClient connect() {
		WharfClient client = WharfClient.connect(this.environment, "kv");
		assertThat(client.receive()).isEqualTo("READY");
		return client;
	}

	private static String ask(WharfClient client, String command) {
		client.send(command);
		return client.receive();
	}

}
