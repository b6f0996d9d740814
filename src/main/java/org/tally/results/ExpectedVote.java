package org.tally.results;

import java.math.BigDecimal;
import java.math.RoundingMode;

/**
 * How much of a contest's expected vote is counted (AP's "expected vote",
 * docs/contract.md §2): plain arithmetic on a staff or source estimate, never a
 * projection. Readers take "100%" to mean the count is over, so the percentage is floored
 * and stays at 99 at most until the election is certified.
 *
 * @param expectedVotes the estimate of the contest's final vote, or {@code null} when
 * nobody gave one
 * @param totalVotes the votes counted so far
 * @param certified whether the election is certified
 */
public record ExpectedVote(Long expectedVotes, long totalVotes, boolean certified) {

	private static final BigDecimal TWO = BigDecimal.valueOf(2);

	private static final BigDecimal HUNDRED = BigDecimal.valueOf(100);

	public ExpectedVote {
		if (expectedVotes != null && expectedVotes < 0) {
			throw new IllegalArgumentException("Expected votes must not be negative, got " + expectedVotes);
		}
		if (totalVotes < 0) {
			throw new IllegalArgumentException("Total votes must not be negative, got " + totalVotes);
		}
	}

	/**
	 * An estimate as stated, with 0 (a file's empty estimate: no contest expects no
	 * votes) read as none.
	 */
	static Long estimate(Long expectedVotes) {
		return (expectedVotes != null && expectedVotes == 0) ? null : expectedVotes;
	}

	/**
	 * {@code expectedVotePct} as shown: whole percent of the estimate counted, floored;
	 * "&lt;1" for a trickle; at most "99" until certified (the count may outrun its
	 * estimate); {@code null} without an estimate (or an estimate of 0).
	 */
	public String percentLabel() {
		if (this.expectedVotes == null || this.expectedVotes == 0) {
			return null;
		}
		long percent = BigDecimal.valueOf(this.totalVotes)
			.multiply(HUNDRED)
			.divide(BigDecimal.valueOf(this.expectedVotes), 0, RoundingMode.FLOOR)
			.longValueExact();
		if (!this.certified) {
			percent = Math.min(percent, 99);
		}
		return (percent == 0 && this.totalVotes > 0) ? "<1" : String.valueOf(percent);
	}

	/**
	 * Votes still expected: the estimate less what is counted, never negative, or
	 * {@code null} without an estimate.
	 */
	public Long votesRemaining() {
		return (this.expectedVotes != null) ? Math.max(0, this.expectedVotes - this.totalVotes) : null;
	}

	/**
	 * The share of the remaining votes a trailing choice needs to draw level with the
	 * leader if the remaining votes split between the two: (leader − it + remaining) / (2
	 * × remaining), as a percent with one decimal (half up); above 100 when it cannot
	 * catch up.
	 * @param leaderVotes the leader's votes
	 * @param votes the trailing choice's votes
	 * @return the percent, or {@code null} without an estimate or when nothing remains
	 */
	public BigDecimal needsPctOfRemaining(long leaderVotes, long votes) {
		Long remaining = votesRemaining();
		if (remaining == null || remaining == 0) {
			return null;
		}
		return BigDecimal.valueOf(leaderVotes - votes + remaining)
			.multiply(HUNDRED)
			.divide(BigDecimal.valueOf(remaining).multiply(TWO), 1, RoundingMode.HALF_UP);
	}

}
