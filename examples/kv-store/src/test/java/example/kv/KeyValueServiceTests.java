package example.kv;

import io.wharf.test.ServiceDriver;
import io.wharf.test.ServiceDriver.Conversation;
import io.wharf.test.TestSession;
import io.wharf.test.TestSessions;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** The store without sockets: the service called as a listener would call it. */
class KeyValueServiceTests {

	private final TestSessions sessions = new TestSessions();

	private final ServiceDriver<Void> kv = ServiceDriver.of(new KeyValueService(this.sessions), "kv");

	@Test
	void answersCommands() {
		Conversation client = this.kv.open();
		assertThat(client.opening().frames()).containsExactly("READY");
		assertThat(client.receive("SET a 1").frames()).containsExactly("OK");
		assertThat(client.receive("GET a").frames()).containsExactly("1");
		assertThat(client.receive("SET a").frames()).containsExactly("ERR usage: SET key value");
		assertThat(client.receive("QUIT").closes()).isTrue();
	}

	@Test
	void aWatcherIsMarkedOnItsSessionAndToldOfChanges() {
		Conversation watcher = this.kv.open(this.sessions.add(new TestSession("kv-1", "kv")));
		Conversation writer = this.kv.open(this.sessions.add(new TestSession("kv-2", "kv")));
		watcher.receive("WATCH door");
		assertThat(watcher.session().attributes()).containsEntry("watch:door", "yes");
		writer.receive("SET door open");
		assertThat(watcher.session().takeSent()).containsExactly("CHANGED door open");
		assertThat(writer.session().takeSent()).isEmpty();
	}

}
