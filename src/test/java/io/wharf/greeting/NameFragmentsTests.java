package io.wharf.greeting;

import java.nio.charset.StandardCharsets;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class NameFragmentsTests {

	private final NameFragments fragments = new NameFragments(16);

	@Test
	void aClientWithoutLineBreaksIsAnsweredAtOnce() {
		assertThat(text(this.fragments.complete(bytes("Michael")))).isEqualTo("Michael");
		assertThat(this.fragments.holding()).isEqualTo(-1);
	}

	@Test
	void aNameCutByAReadBoundaryIsJoinedAgain() {
		assertThat(text(this.fragments.complete(bytes("Alice\nBo")))).isEqualTo("Alice\n");
		assertThat(this.fragments.holding()).isNotNegative();
		assertThat(text(this.fragments.complete(bytes("b\nCar")))).isEqualTo("Bob\n");
		assertThat(text(this.fragments.complete(bytes("ol\n")))).isEqualTo("Carol\n");
		assertThat(this.fragments.holding()).isEqualTo(-1);
	}

	@Test
	void aHeldFragmentIsTakenOnlyIfNothingArrivedSince() {
		this.fragments.complete(bytes("Alice\nBo"));
		long mark = this.fragments.holding();
		this.fragments.complete(bytes("b"));
		assertThat(this.fragments.takeIfUnchanged(mark)).isNull();
		long later = this.fragments.holding();
		assertThat(text(this.fragments.takeIfUnchanged(later))).isEqualTo("Bob");
		assertThat(this.fragments.takeIfUnchanged(later)).isNull();
	}

	@Test
	void aFragmentLongerThanAnyNameIsNotHeld() {
		this.fragments.complete(bytes("Alice\n"));
		assertThat(text(this.fragments.complete(bytes("x".repeat(17))))).hasSize(17);
		assertThat(this.fragments.holding()).isEqualTo(-1);
	}

	@Test
	void aCharacterCutInTwoIsJoinedBeforeDecoding() {
		byte[] e = "\u00e9\n".getBytes(StandardCharsets.UTF_8);
		this.fragments.complete(bytes("A\n"));
		assertThat(this.fragments.complete(new byte[] { e[0] })).isEmpty();
		assertThat(text(this.fragments.complete(new byte[] { e[1], e[2] }))).isEqualTo("\u00e9\n");
	}

	private static byte[] bytes(String text) {
		return text.getBytes(StandardCharsets.UTF_8);
	}

	private static String text(byte[] bytes) {
		return new String(bytes, StandardCharsets.UTF_8);
	}

}
