package org.tally.feed;

import java.math.BigDecimal;
import java.util.List;
import java.util.Map;
import java.util.stream.IntStream;

import com.fasterxml.jackson.annotation.JsonInclude;

import org.tally.results.UnitResult;

/**
 * One county's or precinct's count of a contest.
 */
record ReportingUnitResponse(String code, String name, String level, String parent, long totalVotes, String leader,
		boolean tie, ContestResponse.MarginResponse margin, List<UnitVotes> candidates,
		@JsonInclude(JsonInclude.Include.NON_EMPTY) Map<String, Long> voteTypes) {

	static ReportingUnitResponse of(UnitResult unit) {
		return new ReportingUnitResponse(unit.code(), unit.name(), unit.level(), unit.parent(), unit.totalVotes(),
				unit.leader(), unit.tie(),
				new ContestResponse.MarginResponse(unit.margin().votes(), unit.margin().points()),
				IntStream.range(0, unit.candidates().size()).mapToObj((i) -> {
					UnitResult.Votes votes = unit.candidates().get(i);
					return new UnitVotes(votes.name(), votes.party(), votes.votes(), votes.votePct(), votes.voteShare(),
							VoteTypesJson.of(unit.voteTypes(), i));
				}).toList(), VoteTypesJson.totals(unit.voteTypes()));
	}

	record UnitVotes(String name, String party, long votes, BigDecimal votePct, BigDecimal voteShare,
			@JsonInclude(JsonInclude.Include.NON_EMPTY) Map<String, Long> voteTypes) {
	}

}
