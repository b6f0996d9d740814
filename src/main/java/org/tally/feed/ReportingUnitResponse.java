package org.tally.feed;

import java.math.BigDecimal;
import java.util.List;
import java.util.Map;
import java.util.stream.IntStream;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonInclude.Include;
import io.swagger.v3.oas.annotations.media.Schema;
import org.jspecify.annotations.Nullable;

import org.tally.results.UnitResult;

/**
 * One county's or precinct's count of a contest, with the county's expected vote and
 * turnout where a file gave them (absent otherwise, and for precincts, so a precinct
 * table stays small).
 */
record ReportingUnitResponse(String code, String name, @Schema(allowableValues = {
		"state", "county", "precinct" }) String level, @Nullable String parent, long totalVotes,
		@Nullable String leader, boolean tie, ContestResponse.MarginResponse margin,
		@JsonInclude(Include.NON_NULL) Long expectedVotes, @JsonInclude(Include.NON_NULL) String expectedVotePct,
		@JsonInclude(Include.NON_NULL) Long votesRemaining, @JsonInclude(Include.NON_NULL) Long ballotsCast,
		@JsonInclude(Include.NON_NULL) Long registeredVoters, @JsonInclude(Include.NON_NULL) BigDecimal turnoutPct,
		List<UnitVotes> candidates,
		@JsonInclude(JsonInclude.Include.NON_EMPTY) @Schema(
				description = "Votes per vote type (election-day, mail, early, provisional), only the types the source reported; absent without a split",
				example = "{\"election-day\": 93802, \"early\": 57276, \"provisional\": 1223}") Map<String, Long> voteTypes){

	static ReportingUnitResponse of(UnitResult unit) {
		return new ReportingUnitResponse(unit.code(), unit.name(), unit.level(), unit.parent(), unit.totalVotes(),
				unit.leader(), unit.tie(),
				new ContestResponse.MarginResponse(unit.margin().votes(), unit.margin().points()), unit.expectedVotes(),
				unit.expectedVotePct(), unit.votesRemaining(), unit.ballotsCast(), unit.registeredVoters(),
				unit.turnoutPct(), IntStream.range(0, unit.candidates().size()).mapToObj((i) -> {
					UnitResult.Votes votes = unit.candidates().get(i);
					return new UnitVotes(votes.name(), votes.party(), votes.votes(), votes.votePct(), votes.voteShare(),
							VoteTypesJson.of(unit.voteTypes(), i));
				}).toList(), VoteTypesJson.totals(unit.voteTypes()));
	}

	record UnitVotes(String name, @Nullable String party, long votes, @Nullable BigDecimal votePct,
			@Nullable BigDecimal voteShare,
			@JsonInclude(JsonInclude.Include.NON_EMPTY) @Schema(
					description = "Votes per vote type (election-day, mail, early, provisional), only the types the source reported; absent without a split",
					example = "{\"election-day\": 93802, \"early\": 57276, \"provisional\": 1223}") Map<String, Long> voteTypes) {
	}

}
