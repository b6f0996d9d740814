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
 * Ties are shown, never broken: whoever wins or advances beat everyone who did not.
 */
class OutcomePropertyTests {

	@Property
	void pluralityWinnersBeatEveryoneElseOrTheTieIsShown(@ForAll("votes") long[] votes,
			@ForAll @IntRange(min = 1, max = 5) int seats) {
		Outcome outcome = Outcome.compute(Rule.PLURALITY, seats, null, votes);

		assertClearlyAhead(outcome.winners(), votes);
		assertThat(outcome.winners()).hasSizeLessThanOrEqualTo(seats);
		if (!outcome.tie()) {
			assertThat(outcome.winners()).hasSize(Math.min(seats, votes.length));
		}
	}

	@Property
	void topTwoAdvancesTwoOrShowsTheTie(@ForAll("votes") long[] votes) {
		Outcome outcome = Outcome.compute(Rule.TOP_TWO, 1, null, votes);

		assertClearlyAhead(outcome.advancing(), votes);
		assertThat(outcome.winners()).isEmpty();
		if (!outcome.tie()) {
			assertThat(outcome.advancing()).hasSize(Math.min(2, votes.length));
		}
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
