package org.tally.results;

import java.math.BigDecimal;
import java.util.List;

/**
 * A contest's count in one county or precinct, after the totals rule for counties.
 *
 * @param parent the code of the unit it belongs to (a precinct's county), or null
 */
public record UnitResult(String code, String name, String level, String parent, long totalVotes,
		List<Votes> candidates) {

	/** One choice's votes in the unit, with its shown percentage of the unit's votes. */
	public record Votes(String name, String party, long votes, BigDecimal votePct) {
	}

}
