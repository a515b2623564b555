package io.wharf.conversation;

import java.nio.charset.StandardCharsets;
import java.util.List;

import io.wharf.api.Reply;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

class RepliesTests {

	private static final byte[] HELLO = "hello".getBytes(StandardCharsets.UTF_8);

	@Test
	void bytesAndTextAreOneFrame() {
		assertThat(Replies.of(HELLO).frames()).containsExactly(HELLO);
		assertThat(Replies.of("hello").frames()).containsExactly(HELLO);
		assertThat(Replies.of("hello").close()).isFalse();
	}

	@Test
	void aCollectionIsAFrameEach() {
		Reply reply = Replies.of(List.of("hello", HELLO));
		assertThat(reply.frames()).containsExactly(HELLO, HELLO);
		assertThat(reply.joined()).isEqualTo("hellohello".getBytes(StandardCharsets.UTF_8));
	}

	@Test
	void aReplyIsItself() {
		Reply closing = Reply.closing(HELLO);
		assertThat(Replies.of(closing)).isSameAs(closing);
	}

	@Test
	void anythingElseIsRefusedNamingWhatIsAccepted() {
		assertThatIllegalArgumentException().isThrownBy(() -> Replies.of(42))
			.withMessageContaining("byte[], a String, a collection of them or an io.wharf.api.Reply")
			.withMessageContaining("java.lang.Integer");
		assertThatIllegalArgumentException().isThrownBy(() -> Replies.of(List.of(42)));
	}

}
