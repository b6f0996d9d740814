package org.tally.results;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.Map;

/**
 * One choice's standing in a contest: votes, shown percentage and marks from staff.
 *
 * @param voteTypes its votes per vote type the contest has a split of, in the order of
 * {@link VoteType#SPLIT} (empty when the contest has none)
 * @param needsPctOfRemaining the share of the votes still expected this choice needs to
 * draw level with the leader if they split between the two, in percent with one decimal
 * (above 100: it cannot catch up); {@code null} for a leader, in a contest of more than
 * one seat or a measure, without an estimate, or when no votes remain
 */
public record CandidateResult(long id, String name, String party, boolean incumbent, boolean writeIn, int ballotOrder,
		long votes, BigDecimal votePct, BigDecimal voteShare, boolean leading, boolean winner, boolean advancing,
		Concession concession, Map<String, Long> voteTypes, BigDecimal needsPctOfRemaining) {

	private static final BigDecimal HUNDRED = BigDecimal.valueOf(100);

	public boolean conceded() {
		return this.concession != null;
	}

	/**
	 * Whether the choice cannot draw level even with every vote still expected: it would
	 * need more than 100% of them ({@link #needsPctOfRemaining()} above 100).
	 */
	public boolean cannotCatchUp() {
		return this.needsPctOfRemaining != null && this.needsPctOfRemaining.compareTo(HUNDRED) > 0;
	}

	public record Concession(Instant concededAt, String statement, String sourceUrl) {
	}

}
