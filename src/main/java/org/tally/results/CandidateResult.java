package org.tally.results;

import java.math.BigDecimal;
import java.time.Instant;

/**
 * One choice's standing in a contest: votes, shown percentage and marks from staff.
 */
public record CandidateResult(long id, String name, String party, boolean incumbent, boolean writeIn, int ballotOrder,
		long votes, BigDecimal votePct, BigDecimal voteShare, boolean leading, boolean winner, boolean advancing,
		Concession concession) {

	public boolean conceded() {
		return this.concession != null;
	}

	public record Concession(Instant concededAt, String statement, String sourceUrl) {
	}

}
