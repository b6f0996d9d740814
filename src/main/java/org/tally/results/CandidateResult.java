package org.tally.results;

import java.math.BigDecimal;
import java.time.Instant;

/**
 * One choice's standing in a contest: votes, shown percentage and marks from staff.
 *
 * @param needsPctOfRemaining the share of the votes still expected this choice needs to
 * draw level with the leader if they split between the two, in percent with one decimal
 * (above 100: it cannot catch up); {@code null} for a leader, in a contest of more than
 * one seat or a measure, without an estimate, or when no votes remain
 */
public record CandidateResult(long id, String name, String party, boolean incumbent, boolean writeIn, int ballotOrder,
		long votes, BigDecimal votePct, BigDecimal voteShare, boolean leading, boolean winner, boolean advancing,
		Concession concession, BigDecimal needsPctOfRemaining) {

	public boolean conceded() {
		return this.concession != null;
	}

	public record Concession(Instant concededAt, String statement, String sourceUrl) {
	}

}
