package example.kv;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.PrintWriter;
import java.net.Socket;
import java.nio.charset.StandardCharsets;

import io.wharf.transport.Listeners;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.util.ClassUtils;

import static org.assertj.core.api.Assertions.assertThat;

/** The store over real sockets, on the listener its application.yml declares. */
@SpringBootTest(properties = "wharf.listeners.kv.port=0")
class KvStoreTests {

	@Autowired
	private Listeners listeners;

	@Test
	void setGetAndDelete() throws IOException {
		try (Client client = new Client(this.listeners.port("kv"))) {
			assertThat(client.ask("SET colour blue")).isEqualTo("OK");
			assertThat(client.ask("GET colour")).isEqualTo("blue");
			assertThat(client.ask("DEL colour")).isEqualTo("1");
			assertThat(client.ask("GET colour")).isEqualTo("NIL");
			assertThat(client.ask("FLY")).isEqualTo("ERR unknown command FLY");
			assertThat(client.ask("QUIT")).isEqualTo("BYE");
			assertThat(client.in.readLine()).isNull();
		}
	}

	@Test
	void watchersAreToldOfChangesMadeByOthers() throws IOException {
		try (Client watcher = new Client(this.listeners.port("kv"));
				Client writer = new Client(this.listeners.port("kv"))) {
			assertThat(watcher.ask("WATCH door")).isEqualTo("WATCHING door");
			assertThat(writer.ask("SET door open")).isEqualTo("OK");
			assertThat(watcher.in.readLine()).isEqualTo("CHANGED door open");
			assertThat(writer.ask("DEL door")).isEqualTo("1");
			assertThat(watcher.in.readLine()).isEqualTo("DELETED door");
		}
	}

	@Test
	void wharfDoesNotTurnTheApplicationIntoAWebApplication() {
		assertThat(ClassUtils.isPresent("org.apache.catalina.startup.Tomcat", null)).isFalse();
	}

	/** A line client that reads the greeting line first. */
	static final class Client implements AutoCloseable {

		private final Socket socket;

		final BufferedReader in;

		private final PrintWriter out;

		Client(int port) throws IOException {
			this.socket = new Socket("127.0.0.1", port);
			this.socket.setSoTimeout(5000);
			this.in = new BufferedReader(new InputStreamReader(this.socket.getInputStream(), StandardCharsets.UTF_8));
			this.out = new PrintWriter(this.socket.getOutputStream(), true, StandardCharsets.UTF_8);
			assertThat(this.in.readLine()).isEqualTo("READY");
		}

		String ask(String command) throws IOException {
			this.out.print(command + "\n");
			this.out.flush();
			return this.in.readLine();
		}

		@Override
		public void close() throws IOException {
			this.socket.close();
		}

	}

}
