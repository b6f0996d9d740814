package org.tally.results;

import java.math.BigDecimal;
import java.util.List;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;
import static org.assertj.core.api.Assertions.assertThatNullPointerException;

class OutcomeTests {

	private static final BigDecimal FIFTY_FIVE = new BigDecimal("55");

	@Test
	void ca34PrimaryAdvancesGomezAndAhn() {
		Outcome outcome = Outcome.compute(Rule.TOP_TWO, 1, null, Ca34.PRIMARY);

		assertThat(outcome.advancing()).containsExactly(Ca34.PRIMARY_GOMEZ, Ca34.PRIMARY_AHN);
		assertThat(outcome.winners()).isEmpty();
		assertThat(outcome.tie()).isFalse();
		assertThat(outcome.runoff()).isFalse();
		assertThat(outcome.summary()).isEqualTo("advancing");
	}

	@Test
	void ca34PrimaryUnderMajorityGoesToARunoffOfGomezAndAhn() {
		Outcome outcome = Outcome.compute(Rule.MAJORITY, 1, null, Ca34.PRIMARY);

		assertThat(outcome.winners()).isEmpty();
		assertThat(outcome.runoff()).isTrue();
		assertThat(outcome.advancing()).containsExactly(Ca34.PRIMARY_GOMEZ, Ca34.PRIMARY_AHN);
		assertThat(outcome.summary()).isEqualTo("runoff");
	}

	@Test
	void ca34CertifiedCanvassElectsGomez() {
		Outcome outcome = Outcome.compute(Rule.PLURALITY, 1, null, Ca34.CERTIFIED);

		assertThat(outcome.winners()).containsExactly(0);
		assertThat(outcome.advancing()).isEmpty();
		assertThat(outcome.tie()).isFalse();
		assertThat(outcome.summary()).isEqualTo("winner");
	}

	@Test
	void noVotesMeanNoWinners() {
		for (Rule rule : new Rule[] { Rule.PLURALITY, Rule.MAJORITY, Rule.TOP_TWO }) {
			Outcome outcome = Outcome.compute(rule, 1, null, new long[] { 0, 0 });

			assertThat(outcome).isEqualTo(new Outcome(List.of(), List.of(), false, false, false, "no-votes"));
		}
		assertThat(Outcome.compute(Rule.PLURALITY, 1, null, new long[0]).summary()).isEqualTo("no-votes");
		assertThat(Outcome.compute(Rule.THRESHOLD, 1, FIFTY_FIVE, new long[] { 0, 0 }).passed()).isFalse();
	}

	@Test
	void pluralityWinnersAreListedMostVotesFirst() {
		Outcome outcome = Outcome.compute(Rule.PLURALITY, 2, null, new long[] { 10, 30, 20 });

		assertThat(outcome.winners()).containsExactly(1, 2);
		assertThat(outcome.tie()).isFalse();
	}

	@Test
	void pluralityTieForFirstIsShownNotBroken() {
		Outcome outcome = Outcome.compute(Rule.PLURALITY, 1, null, new long[] { 10, 10, 5 });

		assertThat(outcome.winners()).isEmpty();
		assertThat(outcome.tie()).isTrue();
		assertThat(outcome.summary()).isEqualTo("tie");
	}

	@Test
	void voteForTwoTieForTheSecondSeatKeepsOnlyTheClearWinner() {
		Outcome outcome = Outcome.compute(Rule.PLURALITY, 2, null, new long[] { 40, 50, 40, 10 });

		assertThat(outcome.winners()).containsExactly(1);
		assertThat(outcome.tie()).isTrue();
		assertThat(outcome.summary()).isEqualTo("tie");
	}

	@Test
	void voteForTwoTieBelowTheLastSeatIsNotATie() {
		Outcome outcome = Outcome.compute(Rule.PLURALITY, 2, null, new long[] { 50, 40, 10, 10 });

		assertThat(outcome.winners()).containsExactly(0, 1);
		assertThat(outcome.tie()).isFalse();
	}

	@Test
	void moreSeatsThanCandidatesElectsEveryone() {
		Outcome outcome = Outcome.compute(Rule.PLURALITY, 3, null, new long[] { 5, 3 });

		assertThat(outcome.winners()).containsExactly(0, 1);
		assertThat(outcome.tie()).isFalse();
	}

	@Test
	void topTwoWithOneCandidateAdvancesItAlone() {
		Outcome outcome = Outcome.compute(Rule.TOP_TWO, 1, null, new long[] { 7 });

		assertThat(outcome.advancing()).containsExactly(0);
		assertThat(outcome.tie()).isFalse();
	}

	@Test
	void topTwoTieForSecondAdvancesOnlyTheLeader() {
		Outcome outcome = Outcome.compute(Rule.TOP_TWO, 1, null, new long[] { 5, 10, 5 });

		assertThat(outcome.advancing()).containsExactly(1);
		assertThat(outcome.tie()).isTrue();
		assertThat(outcome.summary()).isEqualTo("tie");
	}

	@Test
	void topTwoThreeWayTieAdvancesNobody() {
		Outcome outcome = Outcome.compute(Rule.TOP_TWO, 1, null, new long[] { 5, 5, 5 });

		assertThat(outcome.advancing()).isEmpty();
		assertThat(outcome.tie()).isTrue();
	}

	@Test
	void topTwoTieForFirstStillAdvancesBoth() {
		Outcome outcome = Outcome.compute(Rule.TOP_TWO, 1, null, new long[] { 3, 5, 5 });

		assertThat(outcome.advancing()).containsExactly(1, 2);
		assertThat(outcome.tie()).isFalse();
	}

	@Test
	void majorityNeedsMoreThanHalf() {
		Outcome outcome = Outcome.compute(Rule.MAJORITY, 1, null, new long[] { 49, 51 });

		assertThat(outcome.winners()).containsExactly(1);
		assertThat(outcome.runoff()).isFalse();
		assertThat(outcome.summary()).isEqualTo("winner");
	}

	@Test
	void exactlyHalfIsNotAMajority() {
		Outcome outcome = Outcome.compute(Rule.MAJORITY, 1, null, new long[] { 50, 30, 20 });

		assertThat(outcome.winners()).isEmpty();
		assertThat(outcome.runoff()).isTrue();
		assertThat(outcome.advancing()).containsExactly(0, 1);
		assertThat(outcome.tie()).isFalse();
		assertThat(outcome.summary()).isEqualTo("runoff");
	}

	@Test
	void majorityRunoffWithATieForSecondIsShownAsATie() {
		Outcome outcome = Outcome.compute(Rule.MAJORITY, 1, null, new long[] { 30, 40, 30 });

		assertThat(outcome.runoff()).isTrue();
		assertThat(outcome.advancing()).containsExactly(1);
		assertThat(outcome.tie()).isTrue();
		assertThat(outcome.summary()).isEqualTo("tie");
	}

	@Test
	void measurePassesAtExactlyItsThreshold() {
		Outcome outcome = Outcome.compute(Rule.THRESHOLD, 1, FIFTY_FIVE, new long[] { 5_500, 4_500 });

		assertThat(outcome.passed()).isTrue();
		assertThat(outcome.winners()).containsExactly(0);
		assertThat(outcome.summary()).isEqualTo("passes");
	}

	@Test
	void measureOneVoteShortOfItsThresholdFails() {
		Outcome outcome = Outcome.compute(Rule.THRESHOLD, 1, FIFTY_FIVE, new long[] { 5_499, 4_501 });

		assertThat(outcome.passed()).isFalse();
		assertThat(outcome.winners()).containsExactly(1);
		assertThat(outcome.summary()).isEqualTo("fails");
	}

	@Test
	void measureIsJudgedOnItsExactShareNotTheDisplayedPercent() {
		// 599,999 of 1,000,000 shows 60.0% but is below a 60% threshold
		BigDecimal sixty = new BigDecimal("60");

		assertThat(Outcome.compute(Rule.THRESHOLD, 1, sixty, new long[] { 599_999, 400_001 }).passed()).isFalse();
		assertThat(Outcome.compute(Rule.THRESHOLD, 1, sixty, new long[] { 600_000, 400_000 }).passed()).isTrue();
	}

	@Test
	void twoThirdsMeasurePassesAtExactlyTwoThirds() {
		BigDecimal twoThirds = new BigDecimal("66.67");

		assertThat(Outcome.compute(Rule.THRESHOLD, 1, twoThirds, new long[] { 200, 100 }).passed()).isTrue();
		assertThat(Outcome.compute(Rule.THRESHOLD, 1, twoThirds, new long[] { 199, 101 }).passed()).isFalse();
	}

	@Test
	void simpleMajorityMeasureFailsOnATie() {
		BigDecimal fifty = new BigDecimal("50");

		assertThat(Outcome.compute(Rule.THRESHOLD, 1, fifty, new long[] { 500, 500 }).passed()).isFalse();
		assertThat(Outcome.compute(Rule.THRESHOLD, 1, fifty, new long[] { 501, 500 }).passed()).isTrue();
	}

	@Test
	void measureNeedsAThresholdAndYesAndNo() {
		assertThatIllegalArgumentException()
			.isThrownBy(() -> Outcome.compute(Rule.THRESHOLD, 1, null, new long[] { 1, 1 }));
		assertThatIllegalArgumentException()
			.isThrownBy(() -> Outcome.compute(Rule.THRESHOLD, 1, BigDecimal.ZERO, new long[] { 1, 1 }));
		assertThatIllegalArgumentException()
			.isThrownBy(() -> Outcome.compute(Rule.THRESHOLD, 1, new BigDecimal("100.01"), new long[] { 1, 1 }));
		assertThatIllegalArgumentException()
			.isThrownBy(() -> Outcome.compute(Rule.THRESHOLD, 1, FIFTY_FIVE, new long[] { 1, 1, 1 }));
	}

	@Test
	void rejectsNegativeVotesAndSeatsBelowOne() {
		assertThatIllegalArgumentException()
			.isThrownBy(() -> Outcome.compute(Rule.PLURALITY, 1, null, new long[] { 1, -1 }));
		assertThatIllegalArgumentException()
			.isThrownBy(() -> Outcome.compute(Rule.PLURALITY, 0, null, new long[] { 1, 1 }));
		assertThatNullPointerException().isThrownBy(() -> Outcome.compute(null, 1, null, new long[] { 1 }));
	}

	@Test
	void listsCannotBeChangedAfterTheFact() {
		Outcome outcome = Outcome.compute(Rule.PLURALITY, 1, null, Ca34.CERTIFIED);

		assertThatExceptionOfType(UnsupportedOperationException.class).isThrownBy(() -> outcome.winners().add(1));
	}

}
