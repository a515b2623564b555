package io.wharf.greeting;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import io.wharf.api.Reply;

/**
 * The greeting conversation: welcome and prompt, {@code Hello <name>!} for each name, a
 * farewell for an exit word. Stateless: every answer depends only on what was received.
 */
public final class GreetingScript {

	private final GreetingProperties properties;

	private final List<String> exitWords;

	public GreetingScript(GreetingProperties properties) {
		this.properties = properties;
		this.exitWords = properties.exitWords().stream().map((word) -> word.strip().toLowerCase(Locale.ROOT)).toList();
	}

	/**
	 * What a new TCP connection hears first.
	 * @return welcome and prompt
	 */
	public Reply open() {
		return Reply.of(encode(this.properties.welcome()), encode(this.properties.prompt()));
	}

	/**
	 * Answers what one TCP read or frame carried: every line in it is a name. Empty lines
	 * in a row are prompted for once, so a flood of line breaks gets one prompt, not one
	 * per byte.
	 * @param received the bytes, trailing line breaks included or not
	 * @param afterEmpty whether the line before these was empty
	 * @return the answers to each name, up to and including an exit word's farewell
	 */
	public Greetings receive(byte[] received, boolean afterEmpty) {
		List<byte[]> frames = new ArrayList<>();
		int greetings = 0;
		boolean empty = afterEmpty;
		for (String name : GreetingNames.split(decode(received))) {
			if (isExitWord(name)) {
				frames.add(encode(this.properties.farewell()));
				return new Greetings(new Reply(frames, true), greetings, false);
			}
			if (!name.isEmpty() || !empty) {
				greetings += answer(name, frames);
			}
			empty = name.isEmpty();
		}
		return new Greetings(new Reply(frames, false), greetings, empty);
	}

	/**
	 * Answers one UDP datagram, which is one name.
	 * @param datagram the datagram's bytes
	 * @return the answer, to be sent back in one datagram
	 */
	public Greetings receiveDatagram(byte[] datagram) {
		String name = GreetingNames.clean(decode(datagram));
		if (isExitWord(name)) {
			return new Greetings(Reply.closing(encode(this.properties.farewell())), 0, false);
		}
		List<byte[]> frames = new ArrayList<>();
		int greetings = answer(name, frames);
		return new Greetings(new Reply(frames, false), greetings, name.isEmpty());
	}

	/**
	 * The last words to a connection that stayed silent too long.
	 * @param timeout the idle timeout that expired
	 * @return the idle farewell, closing
	 */
	public Reply idle(Duration timeout) {
		return Reply.closing(encode(this.properties.idleFarewell().replace("{timeout}", describe(timeout))));
	}

	/**
	 * The last words to every connection when the server shuts down.
	 * @return the shutdown farewell, closing
	 */
	public Reply shuttingDown() {
		return Reply.closing(encode(this.properties.shutdownFarewell()));
	}

	private int answer(String name, List<byte[]> frames) {
		int greeted = 0;
		if (name.codePointCount(0, name.length()) > this.properties.maxNameLength()) {
			frames.add(encode(
					this.properties.nameTooLong().replace("{max}", Integer.toString(this.properties.maxNameLength()))));
		}
		else if (!name.isEmpty()) {
			frames.add(encode(this.properties.hello().replace("{name}", name)));
			greeted = 1;
		}
		frames.add(encode(this.properties.prompt()));
		return greeted;
	}

	private boolean isExitWord(String name) {
		return this.exitWords.contains(name.toLowerCase(Locale.ROOT));
	}

	private String decode(byte[] bytes) {
		// String's constructor replaces malformed input with U+FFFD.
		return new String(bytes, this.properties.charset());
	}

	private byte[] encode(String text) {
		return text.getBytes(this.properties.charset());
	}

	private static String describe(Duration timeout) {
		if (timeout.toSeconds() % 60 == 0 && timeout.toMinutes() > 0) {
			return timeout.toMinutes() + (timeout.toMinutes() == 1 ? " minute" : " minutes");
		}
		long seconds = Math.max(1, timeout.toSeconds());
		return seconds + (seconds == 1 ? " second" : " seconds");
	}

}
