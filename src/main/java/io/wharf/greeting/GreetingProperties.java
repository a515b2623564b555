package io.wharf.greeting;

import java.nio.charset.Charset;
import java.time.Duration;
import java.util.List;

import io.wharf.config.CheckedProperties;
import io.wharf.config.PropertyChecks;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Every text of the greeting conversation; the defaults are the Python tutorial's bytes.
 *
 * @param welcome Sent once when a TCP connection opens.
 * @param prompt Sent after the welcome and after every answer.
 * @param hello The answer to a name; "{name}" is replaced by the name.
 * @param farewell Sent for an exit word, before the server closes the connection.
 * @param exitWords Words that end the conversation, compared ignoring case.
 * @param charset How names are decoded (invalid bytes become U+FFFD) and texts encoded.
 * @param maxNameLength Longest name accepted, in characters.
 * @param nameTooLong The refusal of a longer name; "{max}" is replaced by the limit.
 * @param idleFarewell Sent before an idle connection is closed; "{timeout}" is replaced
 * by the idle timeout.
 * @param shutdownFarewell Sent to every open connection when the server shuts down.
 * @param fragmentWait How long the end of a name cut by a read boundary waits for its
 * line break, once the client has sent line breaks, before it is answered as a name sent
 * without one; long enough for a retransmitted packet.
 */
@ConfigurationProperties("wharf.greeting")
public record GreetingProperties(@DefaultValue("Server: Welcome!\n") String welcome,
		@DefaultValue("Server: What's your name") String prompt, @DefaultValue("Server: Hello {name}!\n") String hello,
		@DefaultValue("Server: Good bye!\n") String farewell, @DefaultValue("exit") List<String> exitWords,
		@DefaultValue("UTF-8") Charset charset, @DefaultValue("64") int maxNameLength,
		@DefaultValue("Server: Names are at most {max} characters, try a shorter one.\n") String nameTooLong,
		@DefaultValue("Server: No name in {timeout}, closing the connection. Good bye!\n") String idleFarewell,
		@DefaultValue("Server: The server is shutting down. Good bye!\n") String shutdownFarewell,
		@DefaultValue("2s") Duration fragmentWait) implements CheckedProperties {

	@Override
	public void check(PropertyChecks checks) {
		if (exitWords().isEmpty()) {
			checks.reject("exit-words", "must not be empty: at least one word ends the conversation");
		}
		for (int i = 0; i < exitWords().size(); i++) {
			checks.required("exit-words[" + i + "]", exitWords().get(i), "a word");
		}
		checks.atLeast("max-name-length", maxNameLength(), 1);
		checks.atLeast("fragment-wait", fragmentWait(), Duration.ofMillis(1));
	}

}
