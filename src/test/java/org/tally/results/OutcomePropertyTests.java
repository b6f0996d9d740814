package org.tally.results;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.IntRange;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Ties are shown, never broken: whoever wins or advances beat everyone who did not, and a
 * tie is reported exactly when the last winning place is tied with the next.
 */
class OutcomePropertyTests {

	@Property
	void pluralityWinnersBeatEveryoneElseOrTheTieIsShown(@ForAll("votes") long[] votes,
			@ForAll @IntRange(min = 1, max = 5) int seats) {
		Outcome outcome = Outcome.compute(Rule.PLURALITY, seats, null, votes);

		assertClearlyAhead(outcome.winners(), votes);
		assertThat(outcome.winners()).hasSizeLessThanOrEqualTo(seats);
		assertThat(outcome.tie()).as("tie for place %d of %s", seats, Arrays.toString(votes))
			.isEqualTo(tiedAtTheCut(votes, seats));
		if (!outcome.tie()) {
			assertThat(outcome.winners()).hasSize(Math.min(seats, votes.length));
		}
	}

	@Property
	void topTwoAdvancesTwoOrShowsTheTie(@ForAll("votes") long[] votes) {
		Outcome outcome = Outcome.compute(Rule.TOP_TWO, 1, null, votes);

		assertClearlyAhead(outcome.advancing(), votes);
		assertThat(outcome.winners()).isEmpty();
		assertThat(outcome.tie()).as("tie for place 2 of %s", Arrays.toString(votes)).isEqualTo(tiedAtTheCut(votes, 2));
		if (!outcome.tie()) {
			assertThat(outcome.advancing()).hasSize(Math.min(2, votes.length));
		}
	}

	/**
	 * The oracle, apart from {@link Outcome}: sorted from most votes down, the last place
	 * that wins or advances holds as many votes as the first place that does not.
	 */
	private static boolean tiedAtTheCut(long[] votes, int places) {
		if (votes.length <= places) {
			return false;
		}
		long[] sorted = votes.clone();
		Arrays.sort(sorted);
		long lastIn = sorted[sorted.length - places];
		long firstOut = sorted[sorted.length - places - 1];
		return lastIn == firstOut;
	}

	private static void assertClearlyAhead(List<Integer> ahead, long[] votes) {
		List<Integer> behind = new ArrayList<>();
		for (int i = 0; i < votes.length; i++) {
			if (!ahead.contains(i)) {
				behind.add(i);
			}
		}
		for (int in : ahead) {
			for (int out : behind) {
				assertThat(votes[in]).isGreaterThan(votes[out]);
			}
		}
	}

	@Provide
	Arbitrary<long[]> votes() {
		return Arbitraries.longs()
			.between(0, 6)
			.list()
			.ofMinSize(1)
			.ofMaxSize(8)
			.map((counts) -> counts.stream().mapToLong(Long::longValue).toArray())
			.filter((counts) -> Arrays.stream(counts).sum() > 0);
	}

}
