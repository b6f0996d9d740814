package org.tally.feed;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The fast path compares If-None-Match the way RFC 9110 asks: weakly, in a list, or *.
 */
class IfNoneMatchTests {

	private static final String TAG = "\"4-38b3bb92e79945f8\"";

	@Test
	void matchesTheSameTag() {
		assertThat(FeedFastPath.matches(TAG, TAG)).isTrue();
	}

	@Test
	void matchesAWeakFormOfTheTag() {
		assertThat(FeedFastPath.matches("W/" + TAG, TAG)).isTrue();
	}

	@Test
	void matchesTheTagInAList() {
		assertThat(FeedFastPath.matches("\"3-0000000000000000\", " + TAG, TAG)).isTrue();
	}

	@Test
	void matchesAnyTagForAStar() {
		assertThat(FeedFastPath.matches("*", TAG)).isTrue();
	}

	@Test
	void doesNotMatchAnotherRevisionOrNoHeader() {
		assertThat(FeedFastPath.matches("\"3-38b3bb92e79945f8\"", TAG)).isFalse();
		assertThat(FeedFastPath.matches(null, TAG)).isFalse();
	}

}
