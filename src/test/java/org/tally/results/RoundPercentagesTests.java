package org.tally.results;

import java.math.BigDecimal;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A ranked-choice round's {@code votePct} follows the one rounding rule of every
 * {@code votePct}, largest remainder (docs/numbers.md), not half-up on its own. The
 * expected values are worked by hand.
 */
class RoundPercentagesTests {

	/**
	 * 1,015 / 2,035 / 6,950 of 10,000 active votes are exactly 10.15, 20.35 and 69.50
	 * percent. Half-up shows 10.2 + 20.4 + 69.5 = 100.1. Largest remainder floors to 10.1
	 * + 20.3 + 69.5 = 99.9 and gives the one tenth left to the largest remainder: 10.15
	 * and 20.35 both leave .05, the tie goes to more votes, so 20.4: 100.0.
	 */
	@Test
	void aRoundSumsToOneHundredWhereHalfUpWouldShowOneHundredPointOne() {
		ContestRounds.Round round = round("1015.0000", "2035.0000", "6950.0000");

		assertThat(pcts(round)).containsExactly(new BigDecimal("69.5"), new BigDecimal("20.4"), new BigDecimal("10.1"));
		assertThat(pcts(round).stream().reduce(BigDecimal.ZERO, BigDecimal::add)).isEqualByComparingTo("100.0");
		assertThat(round.activeVotes()).isEqualByComparingTo("10000");
	}

	/**
	 * Fractional transfers (a multi-seat count): 101.5 / 203.5 / 695 of 1,000 are the
	 * same shares as above, so the same percentages.
	 */
	@Test
	void fractionalVotesFollowTheSameRule() {
		ContestRounds.Round round = round("101.5000", "203.5000", "695.0000");

		assertThat(pcts(round)).containsExactly(new BigDecimal("69.5"), new BigDecimal("20.4"), new BigDecimal("10.1"));
	}

	/**
	 * Equal votes show equal percentages, as everywhere: 1/1/1 is 33.3 each (99.9), where
	 * a tenth for one of them would make one of three equal counts look larger.
	 */
	@Test
	void equalVotesShowEqualPercentages() {
		assertThat(pcts(round("7", "7", "7"))).containsExactly(new BigDecimal("33.3"), new BigDecimal("33.3"),
				new BigDecimal("33.3"));
	}

	@Test
	void aRoundWithoutActiveVotesHasNoPercentages() {
		assertThat(round("0", "0").choices()).extracting(ContestRounds.Tally::votePct).containsOnlyNulls();
	}

	private static ContestRounds.Round round(String... votes) {
		List<ContestRounds.Tally> tallies = new java.util.ArrayList<>();
		for (int i = 0; i < votes.length; i++) {
			tallies.add(new ContestRounds.Tally("Choice " + i, null, new BigDecimal(votes[i]), null, BigDecimal.ZERO,
					null));
		}
		return RoundsQueries.round(1, null, BigDecimal.ZERO, Map.of(), tallies);
	}

	private static List<BigDecimal> pcts(ContestRounds.Round round) {
		return round.choices().stream().map(ContestRounds.Tally::votePct).toList();
	}

}
