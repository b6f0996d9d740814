package org.tally.results;

import java.math.BigDecimal;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The expected vote and turnout of an assembled contest: staff's setup against the
 * files', what trailing choices need, and the "decided" hint. Expected values are worked
 * by hand from CA-34's election-night count (Gomez 19,761, Ahn 13,108).
 */
class ContestExpectedVoteTests {

	private static final List<ChoiceTotal> ELECTION_NIGHT = List.of(
			new ChoiceTotal(1, 9, "Jimmy Gomez", "DEM", false, false, 1, Ca34.ELECTION_NIGHT[0], java.util.Map.of()),
			new ChoiceTotal(2, 9, "Robert Lee Ahn", "DEM", false, false, 2, Ca34.ELECTION_NIGHT[1],
					java.util.Map.of()));

	@Test
	void staffEstimateWinsOverTheFiles() {
		ContestResult contest = assemble(setup(45_000L, null, null, 1, Rule.PLURALITY), files(50_000L, null, null),
				false);

		// 32,869 of 45,000 = 73.04%; 45,000 - 32,869 = 12,131 remain
		assertThat(contest.expectedVotes()).isEqualTo(45_000L);
		assertThat(contest.expectedVotePct()).isEqualTo("73");
		assertThat(contest.votesRemaining()).isEqualTo(12_131L);
	}

	@Test
	void filesGiveTheEstimateWhenStaffDidNot() {
		ContestResult contest = assemble(setup(null, null, null, 1, Rule.PLURALITY), files(50_000L, 40_000L, 200_000L),
				false);

		// 32,869 / 50,000 = 65.7%; turnout 40,000 / 200,000 = 20.0%
		assertThat(contest.expectedVotePct()).isEqualTo("65");
		assertThat(contest.ballotsCast()).isEqualTo(40_000L);
		assertThat(contest.registeredVoters()).isEqualTo(200_000L);
		assertThat(contest.turnoutPct()).isEqualByComparingTo("20.0");
	}

	@Test
	void trailingChoiceNeedsItsShareOfTheRemainingVotes() {
		ContestResult contest = assemble(setup(45_000L, null, null, 1, Rule.PLURALITY), ContestProgress.UNKNOWN, false);

		// (19,761 - 13,108 + 12,131) / (2 x 12,131) = 18,784 / 24,262 = 77.42...%
		assertThat(candidate(contest, "Robert Lee Ahn").needsPctOfRemaining()).isEqualByComparingTo("77.4");
		assertThat(candidate(contest, "Jimmy Gomez").needsPctOfRemaining()).isNull();
	}

	@Test
	void aChoiceThatCannotCatchUpNeedsOverOneHundred() {
		ContestResult contest = assemble(setup(35_000L, null, null, 1, Rule.PLURALITY), ContestProgress.UNKNOWN, false);

		// 2,131 remain: (6,653 + 2,131) / 4,262 = 206.10...%
		assertThat(candidate(contest, "Robert Lee Ahn").needsPctOfRemaining()).isEqualByComparingTo("206.1");
	}

	@Test
	void nothingIsNeededWithoutEstimateNothingRemainingOrSeveralSeats() {
		assertThat(candidate(assemble(setup(null, null, null, 1, Rule.PLURALITY), ContestProgress.UNKNOWN, false),
				"Robert Lee Ahn")
			.needsPctOfRemaining()).isNull();
		assertThat(candidate(assemble(setup(30_000L, null, null, 1, Rule.PLURALITY), ContestProgress.UNKNOWN, false),
				"Robert Lee Ahn")
			.needsPctOfRemaining()).isNull();
		assertThat(candidate(assemble(setup(45_000L, null, null, 2, Rule.PLURALITY), ContestProgress.UNKNOWN, false),
				"Robert Lee Ahn")
			.needsPctOfRemaining()).isNull();
	}

	@Test
	void expectedVoteShowsOneHundredOnlyOnceCertified() {
		ContestResult counting = assemble(setup(32_869L, null, null, 1, Rule.PLURALITY), ContestProgress.UNKNOWN,
				false);
		ContestResult certified = assemble(setup(32_869L, null, null, 1, Rule.PLURALITY), ContestProgress.UNKNOWN,
				true);

		assertThat(counting.expectedVotePct()).isEqualTo("99");
		assertThat(certified.expectedVotePct()).isEqualTo("100");
	}

	@Test
	void decidedUsesTheVotesStillExpectedOverBallotsOutstanding() {
		// margin 6,653; 38,000 expected leaves 5,131: decided although 10,000 are said
		// outstanding
		ContestRow setup = setup(38_000L, null, null, 1, Rule.PLURALITY);
		ContestResult withEstimate = assemble(setup, new ContestProgress(null, null, 10_000L, null), false);
		ContestResult withoutEstimate = assemble(setup(null, null, null, 1, Rule.PLURALITY),
				new ContestProgress(null, null, 10_000L, null), false);

		assertThat(withEstimate.decided()).isTrue();
		assertThat(withoutEstimate.decided()).isFalse();
	}

	@Test
	void staffBallotsCastAndRegisteredVotersWinOverTheFiles() {
		ContestResult contest = assemble(setup(null, 43_300L, 336_000L, 1, Rule.PLURALITY),
				files(null, 40_000L, 200_000L), false);

		// 43,300 / 336,000 = 12.886...%
		assertThat(contest.ballotsCast()).isEqualTo(43_300L);
		assertThat(contest.registeredVoters()).isEqualTo(336_000L);
		assertThat(contest.turnoutPct()).isEqualByComparingTo("12.9");
	}

	@Test
	void noTurnoutWithoutRegisteredVoters() {
		ContestResult contest = assemble(setup(null, 43_300L, null, 1, Rule.PLURALITY), ContestProgress.UNKNOWN, false);

		assertThat(contest.turnoutPct()).isNull();
		assertThat(contest.expectedVotePct()).isNull();
		assertThat(contest.votesRemaining()).isNull();
	}

	@Test
	void aFileEstimateOfNoVotesIsNoEstimate() {
		ContestResult contest = assemble(setup(null, null, null, 1, Rule.PLURALITY), files(0L, null, null), false);

		assertThat(contest.expectedVotes()).isNull();
		assertThat(contest.votesRemaining()).isNull();
		assertThat(contest.decided()).isFalse();
	}

	private static ContestProgress files(Long expected, Long cast, Long registered) {
		return new ContestProgress(null, null, null, registered, expected, cast);
	}

	private static ContestRow setup(Long expected, Long cast, Long registered, int seats, Rule rule) {
		return new ContestRow(9, 1, "us-house-34", "U.S. House", "34", "U.S. House, District 34", "candidate", seats,
				rule, (rule == Rule.THRESHOLD) ? BigDecimal.valueOf(50) : null, false, null, registered, null, 3, null,
				expected, cast);
	}

	private static ContestResult assemble(ContestRow setup, ContestProgress progress, boolean certified) {
		return ContestResults.assemble(setup, ELECTION_NIGHT, progress, RaceCall.NOT_CALLED, Map.of(), certified);
	}

	private static CandidateResult candidate(ContestResult contest, String name) {
		return contest.candidates().stream().filter((c) -> c.name().equals(name)).findFirst().orElseThrow();
	}

}
