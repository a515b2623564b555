package io.wharf.greeting;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;

import io.wharf.api.Reply;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class GreetingScriptTests {

	private static final String PROMPT = "Server: What's your name";

	private final GreetingScript service = new GreetingScript(defaults());

	static GreetingProperties defaults() {
		return new GreetingProperties("Server: Welcome!\n", PROMPT, "Server: Hello {name}!\n", "Server: Good bye!\n",
				List.of("exit", "quit"), StandardCharsets.UTF_8, 64,
				"Server: Names are at most {max} characters, try a shorter one.\n",
				"Server: No name in {timeout}, closing the connection. Good bye!\n",
				"Server: The server is shutting down. Good bye!\n", Duration.ofSeconds(2));
	}

	@Test
	void welcomesThenPrompts() {
		assertThat(texts(this.service.open())).containsExactly("Server: Welcome!\n", PROMPT);
	}

	@Test
	void greetsANameWithOrWithoutLineEnding() {
		assertThat(texts(this.service.receive(bytes("Michael"), false).reply()))
			.containsExactly("Server: Hello Michael!\n", PROMPT);
		assertThat(texts(this.service.receive(bytes("Michael\n"), false).reply()))
			.containsExactly("Server: Hello Michael!\n", PROMPT);
		assertThat(texts(this.service.receive(bytes("Michael\r\n"), false).reply()))
			.containsExactly("Server: Hello Michael!\n", PROMPT);
	}

	@Test
	void aReadWithSeveralLinesIsSeveralNames() {
		assertThat(texts(this.service.receive(bytes("Bob\nAlice\n"), false).reply()))
			.containsExactly("Server: Hello Bob!\n", PROMPT, "Server: Hello Alice!\n", PROMPT);
	}

	@Test
	void exitWordsEndTheConversationIgnoringCaseAndWhatFollows() {
		Reply reply = this.service.receive(bytes("Bob\nEXIT\nAlice\n"), false).reply();
		assertThat(texts(reply)).containsExactly("Server: Hello Bob!\n", PROMPT, "Server: Good bye!\n");
		assertThat(reply.close()).isTrue();
		assertThat(this.service.receive(bytes(" Quit \r\n"), false).reply().close()).isTrue();
	}

	@Test
	void countsTheNamesItGreets() {
		assertThat(this.service.receive(bytes("Bob\n\nAlice\n" + "x".repeat(65) + "\nexit\nEve\n"), false).greetings())
			.isEqualTo(2);
		assertThat(this.service.receiveDatagram(bytes("Zed")).greetings()).isEqualTo(1);
		assertThat(this.service.receiveDatagram(bytes("exit")).greetings()).isZero();
	}

	@Test
	void anEmptyNameRepromptsOnly() {
		assertThat(texts(this.service.receive(bytes("\n"), false).reply())).containsExactly(PROMPT);
		assertThat(texts(this.service.receive(bytes("  \t\r\n"), false).reply())).containsExactly(PROMPT);
		assertThat(texts(this.service.receive(new byte[0], false).reply())).containsExactly(PROMPT);
	}

	@Test
	void aFloodOfEmptyLinesGetsOnePrompt() {
		Greetings flood = this.service.receive(bytes("\n".repeat(100_000)), false);
		assertThat(texts(flood.reply())).containsExactly(PROMPT);
		assertThat(flood.endsEmpty()).isTrue();
		assertThat(this.service.receive(bytes("\n\n"), true).reply().frames()).as("after an empty line").isEmpty();
		assertThat(texts(this.service.receive(bytes("\nBob\n\n"), true).reply()))
			.containsExactly("Server: Hello Bob!\n", PROMPT, PROMPT);
	}

	@Test
	void stripsBidiOverridesAndZeroWidthCharacters() {
		String disguised = "\u202Egnp.exe\u2066Bo\u200Bb\u2069\uFEFF\u200D";
		assertThat(texts(this.service.receive(bytes(disguised), false).reply())).first()
			.isEqualTo("Server: Hello gnp.exeBob!\n");
	}

	@Test
	void refusesNamesOverTheLimitCountingCharactersNotBytes() {
		assertThat(texts(this.service.receive(bytes("x".repeat(65)), false).reply()))
			.containsExactly("Server: Names are at most 64 characters, try a shorter one.\n", PROMPT);
		String longestUnicode = "\u00e9".repeat(64);
		assertThat(texts(this.service.receive(bytes(longestUnicode), false).reply())).first()
			.isEqualTo("Server: Hello " + longestUnicode + "!\n");
	}

	@Test
	void stripsControlCharactersAndReplacesInvalidBytes() {
		byte[] name = { 'B', 0x07, 'o', 0x1b, 'b', (byte) 0xFF };
		assertThat(texts(this.service.receive(name, false).reply())).first().isEqualTo("Server: Hello Bob\uFFFD!\n");
	}

	@Test
	void aDatagramIsOneName() {
		assertThat(texts(this.service.receiveDatagram(bytes("Zed\n")).reply())).containsExactly("Server: Hello Zed!\n",
				PROMPT);
		assertThat(texts(this.service.receiveDatagram(bytes("two\nlines")).reply())).first()
			.isEqualTo("Server: Hello twolines!\n");
		Reply exit = this.service.receiveDatagram(bytes("exit")).reply();
		assertThat(texts(exit)).containsExactly("Server: Good bye!\n");
	}

	@Test
	void idleFarewellSaysWhy() {
		Reply reply = this.service.idle(Duration.ofMinutes(5));
		assertThat(texts(reply)).containsExactly("Server: No name in 5 minutes, closing the connection. Good bye!\n");
		assertThat(reply.close()).isTrue();
		assertThat(texts(this.service.idle(Duration.ofSeconds(1)))).first().asString().contains("1 second,");
	}

	@Test
	void everyTextIsConfigurable() {
		GreetingScript custom = new GreetingScript(
				new GreetingProperties("Hi\n", "Name? ", "Yo {name}\n", "Bye\n", List.of("bye"),
						StandardCharsets.ISO_8859_1, 3, "Max {max}\n", "Idle\n", "Closing\n", Duration.ofSeconds(2)));
		assertThat(texts(custom.shuttingDown())).containsExactly("Closing\n");
		assertThat(texts(custom.open())).containsExactly("Hi\n", "Name? ");
		assertThat(custom.receive(new byte[] { 'J', (byte) 0xE9 }, false).reply().frames().get(0))
			.isEqualTo("Yo J\u00e9\n".getBytes(StandardCharsets.ISO_8859_1));
		assertThat(texts(custom.receive(bytes("Jane"), false).reply())).containsExactly("Max 3\n", "Name? ");
		assertThat(custom.receive(bytes("BYE"), false).reply().close()).isTrue();
	}

	private static byte[] bytes(String text) {
		return text.getBytes(StandardCharsets.UTF_8);
	}

	private static List<String> texts(Reply reply) {
		return reply.frames().stream().map((frame) -> new String(frame, StandardCharsets.UTF_8)).toList();
	}

}
