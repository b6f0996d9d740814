package org.tally.feed;

import java.math.BigDecimal;
import java.util.List;
import java.util.Map;

import org.jspecify.annotations.Nullable;

import org.tally.results.ContestResult;
import org.tally.results.ContestRounds;
import org.tally.results.ElectionResults;

/**
 * A ranked-choice contest's rounds (docs/contract.md §4): the latest RCTab report's, or
 * an earlier revision's with {@code ?revision=}.
 *
 * @param reportRevision the revision whose report these rounds are
 * @param revisions every revision that brought a report
 */
record RoundsResponse(String election, String contest, boolean test, long revision, @Nullable String digest,
		long reportRevision, List<Long> revisions, List<Round> rounds) {

	static RoundsResponse of(ElectionResults results, ContestResult contest, ContestRounds rounds) {
		return new RoundsResponse(results.election().slug(), contest.slug(), results.election().test(),
				results.revision(), results.digest(), rounds.revision(), rounds.revisions(),
				rounds.rounds().stream().map(Round::of).toList());
	}

	record Round(int round, @Nullable BigDecimal threshold, BigDecimal activeVotes, List<String> elected,
			List<String> eliminated, BigDecimal exhaustedTransfer, Map<String, BigDecimal> inactiveBallots,
			BigDecimal inactiveTotal, List<Tally> tally) {

		static Round of(ContestRounds.Round round) {
			return new Round(round.number(), round.threshold(), round.activeVotes(),
					round.choices()
						.stream()
						.filter((c) -> "elected".equals(c.outcome()))
						.map(ContestRounds.Tally::name)
						.toList(),
					round.choices()
						.stream()
						.filter((c) -> "eliminated".equals(c.outcome()))
						.map(ContestRounds.Tally::name)
						.toList(),
					round.exhaustedTransfer(), round.inactive(), round.inactiveTotal(),
					round.choices()
						.stream()
						.map((c) -> new Tally(c.name(), c.party(), c.votes(), c.votePct(), c.transfer()))
						.toList());
		}

	}

	record Tally(String name, @Nullable String party, BigDecimal votes, BigDecimal votePct, BigDecimal transfer) {
	}

}
