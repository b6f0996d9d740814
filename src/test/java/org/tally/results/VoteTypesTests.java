package org.tally.results;

import java.math.BigDecimal;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The split by vote type in the read model: columns only for the types a source gave, in
 * the order of docs/contract.md §1 and the contest's candidate order, percentages among
 * the type's votes, and the votes no type covers.
 */
class VoteTypesTests {

	private static final ContestRow MAYOR = new ContestRow(1, 1, "mayor", "Mayor", "", "Mayor", "candidate", 1,
			Rule.PLURALITY, null, false, null, null, null, 1, null, null, null);

	@Test
	void aContestWithoutASplitHasNoColumnsAndAllOfItsVotesUnsplit() {
		ContestResult contest = assemble(choice(1, "Ada", 10, Map.of()), choice(2, "Ben", 5, Map.of()));

		assertThat(contest.voteTypes()).isEmpty();
		assertThat(contest.unsplitVotes()).isEqualTo(15);
		assertThat(contest.candidates()).allSatisfy((c) -> assertThat(c.voteTypes()).isEmpty());
	}

	@Test
	void columnsComeInSpecOrderWithTheCandidatesInTheContestsOrder() {
		// Ben leads, so he comes first; Ada has no provisional count of her own: 0, as
		// the type exists in the contest
		ContestResult contest = assemble(
				choice(1, "Ada", 30, Map.of("provisional", 0L, "election-day", 20L, "mail", 10L)),
				choice(2, "Ben", 60, Map.of("mail", 15L, "election-day", 40L, "provisional", 5L)),
				choice(3, "Cy", 10, Map.of("election-day", 10L)));

		assertThat(contest.candidates()).extracting(CandidateResult::name).containsExactly("Ben", "Ada", "Cy");
		assertThat(contest.voteTypes()).extracting(VoteTypeResult::type)
			.containsExactly("election-day", "mail", "provisional");
		VoteTypeResult mail = contest.voteTypes().get(1);
		assertThat(mail.totalVotes()).isEqualTo(25);
		assertThat(mail.candidates()).extracting(UnitResult.Votes::name, UnitResult.Votes::votes)
			.containsExactly(org.assertj.core.groups.Tuple.tuple("Ben", 15L),
					org.assertj.core.groups.Tuple.tuple("Ada", 10L), org.assertj.core.groups.Tuple.tuple("Cy", 0L));
		// 15/25 and 10/25 of the mail votes
		assertThat(mail.candidates()).extracting(UnitResult.Votes::votePct)
			.containsExactly(new BigDecimal("60.0"), new BigDecimal("40.0"), new BigDecimal("0.0"));
		assertThat(contest.candidates().get(2).voteTypes()).containsExactly(Map.entry("election-day", 10L),
				Map.entry("mail", 0L), Map.entry("provisional", 0L));
		assertThat(contest.unsplitVotes()).isZero();
	}

	@Test
	void votesOfACountyThatSentTotalsOnlyAreUnsplit() {
		// 120 counted, 90 of them by type
		ContestResult contest = assemble(choice(1, "Ada", 70, Map.of("election-day", 50L)),
				choice(2, "Ben", 50, Map.of("election-day", 40L)));

		assertThat(contest.unsplitVotes()).isEqualTo(30);
	}

	@Test
	void aStatedTotalBelowItsPartsLeavesNothingUnsplit() {
		// docs/contract.md §2: the stated total wins over a split that adds up to more
		ContestResult contest = assemble(choice(1, "Ada", 367, Map.of("election-day", 360L, "early", 10L)));

		assertThat(contest.totalVotes()).isEqualTo(367);
		assertThat(contest.unsplitVotes()).isZero();
	}

	private static ContestResult assemble(ChoiceTotal... choices) {
		return ContestResults.assemble(MAYOR, List.of(choices), ContestProgress.UNKNOWN, RaceCall.NOT_CALLED, Map.of(),
				false);
	}

	private static ChoiceTotal choice(long id, String name, long votes, Map<String, Long> types) {
		return new ChoiceTotal(id, 1, name, null, false, false, (int) id, votes, types);
	}

}
