package org.tally.results;

import java.math.BigDecimal;
import java.math.RoundingMode;

/**
 * How many votes a contest (or one of its counties) has and is expected to have, every
 * number a reader sees already computed: the expected vote counted
 * ({@link ExpectedVote}), the votes still expected, and turnout.
 *
 * @param expectedVotes the estimate of the final vote (staff's or the source's), or
 * {@code null}
 * @param expectedVotePct whole percent of the estimate counted as shown ("63", "&lt;1",
 * at most "99" until certified), or {@code null} without an estimate
 * @param votesRemaining the estimate less the votes counted, never negative, or
 * {@code null} without an estimate
 * @param ballotsCast ballots cast, or {@code null} when unknown
 * @param registeredVoters registered voters, or {@code null} when unknown
 * @param turnoutPct ballots cast per registered voter in percent, one decimal (half up),
 * or {@code null} when either is unknown or there are no registered voters; may exceed
 * 100 where voters register on the day
 */
public record Turnout(Long expectedVotes, String expectedVotePct, Long votesRemaining, Long ballotsCast,
		Long registeredVoters, BigDecimal turnoutPct) {

	/** Nothing known. */
	public static final Turnout UNKNOWN = new Turnout(null, null, null, null, null, null);

	private static final BigDecimal HUNDRED = BigDecimal.valueOf(100);

	/**
	 * The numbers for a count of {@code totalVotes}.
	 * @param expected the count against its estimate (which knows the certification)
	 * @param ballotsCast ballots cast, or {@code null}
	 * @param registeredVoters registered voters, or {@code null}
	 */
	public static Turnout of(ExpectedVote expected, Long ballotsCast, Long registeredVoters) {
		return new Turnout(expected.expectedVotes(), expected.percentLabel(), expected.votesRemaining(), ballotsCast,
				registeredVoters, turnoutPct(ballotsCast, registeredVoters));
	}

	/**
	 * Ballots cast per registered voter in percent, one decimal, rounded half up (as
	 * {@link Margin} rounds points).
	 * @return the percent, or {@code null} when either is unknown or there are no
	 * registered voters
	 */
	static BigDecimal turnoutPct(Long ballotsCast, Long registeredVoters) {
		if (ballotsCast == null || registeredVoters == null || registeredVoters == 0) {
			return null;
		}
		return BigDecimal.valueOf(ballotsCast)
			.multiply(HUNDRED)
			.divide(BigDecimal.valueOf(registeredVoters), 1, RoundingMode.HALF_UP);
	}

}
