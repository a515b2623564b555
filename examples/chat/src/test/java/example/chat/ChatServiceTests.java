package example.chat;

import io.wharf.api.CloseReason;
import io.wharf.test.ServiceDriver;
import io.wharf.test.ServiceDriver.Conversation;
import io.wharf.test.TestSession;
import io.wharf.test.TestSessions;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** The room without sockets: the service called as a listener would call it. */
class ChatServiceTests {

	private final TestSessions room = new TestSessions();

	private final ServiceDriver<Void> chat = ServiceDriver.of(new ChatService(this.room), "chat");

	@Test
	void membersHearEachOtherButNotThemselves() {
		Conversation ada = join("ada");
		Conversation bob = join("bob");
		assertThat(ada.session().takeSent()).containsExactly("* bob joined");
		assertThat(bob.receive("hi ada").frames()).isEmpty();
		assertThat(ada.session().takeSent()).containsExactly("bob: hi ada");
		assertThat(bob.session().takeSent()).isEmpty();
	}

	@Test
	void whoListsTheMembersByNickname() {
		Conversation ada = join("ada");
		join("bob");
		ada.session().takeSent();
		ada.receive("/who");
		assertThat(ada.session().takeSent()).containsExactly("members: ada, bob");
	}

	@Test
	void leavingIsToldToTheOthers() {
		Conversation ada = join("ada");
		Conversation bob = join("bob");
		ada.session().takeSent();
		assertThat(bob.receive("/quit").closes()).isTrue();
		this.room.remove(bob.session());
		bob.close(CloseReason.EXIT);
		assertThat(ada.session().takeSent()).containsExactly("* bob left");
	}

	@Test
	void aQuietMemberIsKept() {
		assertThat(join("ada").idle(java.time.Duration.ofMinutes(10)).closes()).isFalse();
	}

	private Conversation join(String nick) {
		Conversation member = this.chat.open(this.room.add(new TestSession(nick + "-session", "chat")));
		assertThat(member.opening().frames()).containsExactly("Welcome! Who are you?");
		assertThat(member.receive(nick).frames()).singleElement().asString().startsWith("Hello " + nick);
		return member;
	}

}
