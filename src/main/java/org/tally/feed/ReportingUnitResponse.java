package org.tally.feed;

import java.math.BigDecimal;
import java.util.List;

import org.tally.results.UnitResult;

/**
 * One county's or precinct's count of a contest.
 */
record ReportingUnitResponse(String code, String name, String level, String parent, long totalVotes, String leader,
		boolean tie, ContestResponse.MarginResponse margin, List<UnitVotes> candidates) {

	static ReportingUnitResponse of(UnitResult unit) {
		return new ReportingUnitResponse(unit.code(), unit.name(), unit.level(), unit.parent(), unit.totalVotes(),
				unit.leader(), unit.tie(),
				new ContestResponse.MarginResponse(unit.margin().votes(), unit.margin().points()),
				unit.candidates()
					.stream()
					.map((votes) -> new UnitVotes(votes.name(), votes.party(), votes.votes(), votes.votePct(),
							votes.voteShare()))
					.toList());
	}

	record UnitVotes(String name, String party, long votes, BigDecimal votePct, BigDecimal voteShare) {
	}

}
