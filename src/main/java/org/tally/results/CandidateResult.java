package org.tally.results;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.Map;

/**
 * One choice's standing in a contest: votes, shown percentage and marks from staff.
 *
 * @param voteTypes its votes per vote type the contest has a split of, in the order of
 * {@link VoteTypes#CODES} (empty when the contest has none)
 * @param needsPctOfRemaining the share of the votes still expected this choice needs to
 * draw level with the leader if they split between the two, in percent with one decimal
 * (above 100: it cannot catch up); {@code null} for a leader, in a contest of more than
 * one seat or a measure, without an estimate, or when no votes remain
 */
public record CandidateResult(long id, String name, String party, boolean incumbent, boolean writeIn, int ballotOrder,
		long votes, BigDecimal votePct, BigDecimal voteShare, boolean leading, boolean winner, boolean advancing,
		Concession concession, Map<String, Long> voteTypes, BigDecimal needsPctOfRemaining) {

	public boolean conceded() {
		return this.concession != null;
	}

	public record Concession(Instant concededAt, String statement, String sourceUrl) {
	}

}
