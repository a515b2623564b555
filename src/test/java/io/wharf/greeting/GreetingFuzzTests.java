package io.wharf.greeting;

import java.nio.charset.StandardCharsets;

import com.code_intelligence.jazzer.api.FuzzedDataProvider;
import com.code_intelligence.jazzer.junit.FuzzTest;
import io.wharf.api.Reply;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The greeting fed what a fuzzer makes up, in reads cut where it likes: every reply is
 * bounded by what was read (no flood of prompts), and no greeting carries a control or an
 * invisible format character into a reply.
 */
class GreetingFuzzTests {

	private final GreetingScript script = new GreetingScript(GreetingScriptTests.defaults());

	@FuzzTest(maxDuration = "10m")
	void reads(FuzzedDataProvider data) {
		NameFragments fragments = new NameFragments(4 * 64 + 1);
		boolean afterEmpty = false;
		while (data.remainingBytes() > 0) {
			byte[] read = data.consumeBytes(data.consumeInt(1, 200));
			byte[] complete = fragments.complete(read);
			if (complete.length == 0) {
				continue;
			}
			Greetings greetings = this.script.receive(complete, afterEmpty);
			afterEmpty = greetings.endsEmpty();
			Reply reply = greetings.reply();
			long lines = 1 + new String(complete, StandardCharsets.ISO_8859_1).chars().filter((c) -> c == '\n').count();
			// At most a greeting and a prompt per line, each of bounded length.
			assertThat(reply.joined().length).isLessThanOrEqualTo((int) (lines * 400));
			for (byte[] frame : reply.frames()) {
				String text = new String(frame, StandardCharsets.UTF_8);
				assertThat(
						text.codePoints()
							.filter((c) -> c != '\n'
									&& (Character.isISOControl(c) || Character.getType(c) == Character.FORMAT)))
					.isEmpty();
			}
			if (reply.close()) {
				return;
			}
		}
	}

}
