package org.tally.results;

import java.math.BigDecimal;

/**
 * A contest or a county read with its expected vote and turnout ({@link Turnout}): the
 * same accessors on both, so every surface reads them one way.
 */
public interface WithTurnout {

	/** The expected vote and turnout, {@link Turnout#UNKNOWN} when nothing is known. */
	Turnout turnout();

	/**
	 * The estimate of the final vote (for a contest: staff's setup, else the files' per
	 * county), or {@code null}.
	 */
	default Long expectedVotes() {
		return turnout().expectedVotes();
	}

	/**
	 * Whole percent of the expected vote counted as shown: "63", "&lt;1", at most "99"
	 * until the election is certified; {@code null} without an estimate.
	 */
	default String expectedVotePct() {
		return turnout().expectedVotePct();
	}

	/** The estimate less the votes counted, never negative; {@code null} without one. */
	default Long votesRemaining() {
		return turnout().votesRemaining();
	}

	/** Ballots cast, or {@code null}. */
	default Long ballotsCast() {
		return turnout().ballotsCast();
	}

	/** Registered voters, or {@code null}. */
	default Long registeredVoters() {
		return turnout().registeredVoters();
	}

	/**
	 * Ballots cast per registered voter in percent, one decimal, or {@code null} when
	 * either is unknown.
	 */
	default BigDecimal turnoutPct() {
		return turnout().turnoutPct();
	}

}
