package org.tally.results;

import java.math.BigDecimal;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

class MarginTests {

	@Test
	void ca34ElectionNightMarginIsTwentyPointTwo() {
		assertThat(Margin.of(Ca34.ELECTION_NIGHT)).isEqualTo(new Margin(6_653, new BigDecimal("20.2"), 0, 1));
	}

	@Test
	void ca34CertifiedMarginIsEighteenPointFour() {
		assertThat(Margin.of(Ca34.CERTIFIED)).isEqualTo(new Margin(7_959, new BigDecimal("18.4"), 0, 1));
	}

	@Test
	void ca34PrimaryMarginIsBetweenGomezAndAhn() {
		Margin margin = Margin.of(Ca34.PRIMARY);

		assertThat(margin.leader()).isEqualTo(Ca34.PRIMARY_GOMEZ);
		assertThat(margin.runnerUp()).isEqualTo(Ca34.PRIMARY_AHN);
		assertThat(margin.votes()).isEqualTo(1_313);
		assertThat(margin.points()).isEqualTo(new BigDecimal("3.1"));
	}

	@Test
	void leaderNeedNotComeFirstOnTheBallot() {
		// 10 of 35 is 28.571 points
		assertThat(Margin.of(new long[] { 5, 20, 10 })).isEqualTo(new Margin(10, new BigDecimal("28.6"), 1, 2));
	}

	@Test
	void pointsRoundHalfUp() {
		// 1 of 2,000 is exactly 0.05 points
		assertThat(Margin.of(new long[] { 1_000, 999, 1 }).points()).isEqualTo(new BigDecimal("0.1"));
	}

	@Test
	void tieForFirstHasNoMargin() {
		assertThat(Margin.of(new long[] { 3, 10, 10 })).isEqualTo(new Margin(0, new BigDecimal("0.0"), 1, 2));
	}

	@Test
	void tieForSecondTakesTheLowerIndexAsRunnerUp() {
		assertThat(Margin.of(new long[] { 5, 10, 5 })).isEqualTo(new Margin(5, new BigDecimal("25.0"), 1, 0));
	}

	@Test
	void singleCandidateLeadsByAllItsVotes() {
		assertThat(Margin.of(new long[] { 42 })).isEqualTo(new Margin(42, new BigDecimal("100.0"), 0, -1));
		assertThat(Margin.of(new long[] { 0 })).isEqualTo(new Margin(0, new BigDecimal("0.0"), 0, -1));
	}

	@Test
	void noVotesHaveNoMargin() {
		assertThat(Margin.of(new long[] { 0, 0 })).isEqualTo(new Margin(0, new BigDecimal("0.0"), 0, 1));
		assertThat(Margin.of(new long[0])).isEqualTo(new Margin(0, new BigDecimal("0.0"), -1, -1));
	}

	@Test
	void hugeCountsDoNotOverflow() {
		assertThat(Margin.of(new long[] { 3_000_000_000_000L, 1_000_000_000_000L }))
			.isEqualTo(new Margin(2_000_000_000_000L, new BigDecimal("50.0"), 0, 1));
	}

	@Test
	void rejectsNegativeVotes() {
		assertThatIllegalArgumentException().isThrownBy(() -> Margin.of(new long[] { 5, -5 }));
	}

}
